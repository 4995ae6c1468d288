using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Tenant;

/// <summary>Identity tables (schema version 1), settings, content versions and menus.</summary>
[Migration("20261129000000_InitialTenant")]
public sealed class InitialTenant : TenantMigration
{
    protected override void Up(MigrationSchema schema)
    {
        CreateIdentityTables(schema);

        schema.CreateTable("Settings", [Text("Section"), Text("Json"), Long("ModifiedUtc")]);

        schema.CreateTable("ContentItems",
        [
            Long("Id").Identity(), Text("ContentItemId"), Text("ContentType"), Text("DisplayText"), Text("Path").Nullable(), Text("Data"),
            Text("Status"), Bool("Latest"), Long("CreatedUtc"), Long("ModifiedUtc"), Long("PublishedUtc").Nullable(), Text("Author").Nullable(),
        ]);
        schema.CreateIndex("ContentItems", ["ContentItemId", "Latest"]);
        schema.CreateIndex("ContentItems", ["Path", "Status"]);
        schema.CreateIndex("ContentItems", ["ContentType", "Status"]);

        schema.CreateTable("Menus", [Text("Name"), Text("Items"), Long("ModifiedUtc")]);
    }

    private static void CreateIdentityTables(MigrationSchema schema)
    {
        schema.CreateTable("AspNetRoles", [Text("Id"), Text("Name", 256).Nullable(), Text("NormalizedName", 256).Nullable(), Text("ConcurrencyStamp").Nullable()]);
        schema.CreateIndex("AspNetRoles", ["NormalizedName"], unique: true, name: "RoleNameIndex");

        schema.CreateTable("AspNetUsers",
        [
            Text("Id"), Text("UserName", 256).Nullable(), Text("NormalizedUserName", 256).Nullable(),
            Text("Email", 256).Nullable(), Text("NormalizedEmail", 256).Nullable(), Bool("EmailConfirmed"),
            Text("PasswordHash").Nullable(), Text("SecurityStamp").Nullable(), Text("ConcurrencyStamp").Nullable(),
            Text("PhoneNumber").Nullable(), Bool("PhoneNumberConfirmed"), Bool("TwoFactorEnabled"),
            Long("LockoutEnd").Nullable(), Bool("LockoutEnabled"), Int("AccessFailedCount"),
        ]);
        schema.CreateIndex("AspNetUsers", ["NormalizedEmail"], name: "EmailIndex");
        schema.CreateIndex("AspNetUsers", ["NormalizedUserName"], unique: true, name: "UserNameIndex");

        schema.CreateTable("AspNetRoleClaims", [Int("Id").Identity(), Text("RoleId"), Text("ClaimType").Nullable(), Text("ClaimValue").Nullable()],
            references: ForeignKey("RoleId", "AspNetRoles"));
        schema.CreateIndex("AspNetRoleClaims", ["RoleId"]);

        schema.CreateTable("AspNetUserClaims", [Int("Id").Identity(), Text("UserId"), Text("ClaimType").Nullable(), Text("ClaimValue").Nullable()],
            references: ForeignKey("UserId", "AspNetUsers"));
        schema.CreateIndex("AspNetUserClaims", ["UserId"]);

        schema.CreateTable("AspNetUserLogins", [Text("LoginProvider"), Text("ProviderKey"), Text("ProviderDisplayName").Nullable(), Text("UserId")],
            key: ["LoginProvider", "ProviderKey"], ForeignKey("UserId", "AspNetUsers"));
        schema.CreateIndex("AspNetUserLogins", ["UserId"]);

        schema.CreateTable("AspNetUserRoles", [Text("UserId"), Text("RoleId")],
            key: ["UserId", "RoleId"], ForeignKey("RoleId", "AspNetRoles"), ForeignKey("UserId", "AspNetUsers"));
        schema.CreateIndex("AspNetUserRoles", ["RoleId"]);

        schema.CreateTable("AspNetUserTokens", [Text("UserId"), Text("LoginProvider"), Text("Name"), Text("Value").Nullable()],
            key: ["UserId", "LoginProvider", "Name"], ForeignKey("UserId", "AspNetUsers"));
    }
}
