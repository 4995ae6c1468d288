using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Municipal.Core.Storage.Migrations.Tenant;

/// <summary>Identity tables (schema version 1), settings, content versions and menus. Provider-neutral: see InitialHost.</summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261129000000_InitialTenant")]
public sealed class InitialTenant : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateIdentityTables(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "Settings",
            columns: table => new
            {
                Section = table.Column<string>(nullable: false),
                Json = table.Column<string>(nullable: false),
                ModifiedUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Settings", s => s.Section));

        migrationBuilder.CreateTable(
            name: "ContentItems",
            columns: table => new
            {
                Id = AutoIncrement(table.Column<long>(nullable: false)),
                ContentItemId = table.Column<string>(nullable: false),
                ContentType = table.Column<string>(nullable: false),
                DisplayText = table.Column<string>(nullable: false),
                Path = table.Column<string>(nullable: true),
                Data = table.Column<string>(nullable: false),
                Status = table.Column<string>(nullable: false),
                Latest = table.Column<bool>(nullable: false),
                CreatedUtc = table.Column<long>(nullable: false),
                ModifiedUtc = table.Column<long>(nullable: false),
                PublishedUtc = table.Column<long>(nullable: true),
                Author = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ContentItems", i => i.Id));
        migrationBuilder.CreateIndex("IX_ContentItems_ContentItemId_Latest", "ContentItems", ["ContentItemId", "Latest"]);
        migrationBuilder.CreateIndex("IX_ContentItems_Path_Status", "ContentItems", ["Path", "Status"]);
        migrationBuilder.CreateIndex("IX_ContentItems_ContentType_Status", "ContentItems", ["ContentType", "Status"]);

        migrationBuilder.CreateTable(
            name: "Menus",
            columns: table => new
            {
                Name = table.Column<string>(nullable: false),
                Items = table.Column<string>(nullable: false),
                ModifiedUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Menus", m => m.Name));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Menus", "ContentItems", "Settings", "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins", "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles" })
        {
            migrationBuilder.DropTable(table);
        }
    }

    private static OperationBuilder<AddColumnOperation> AutoIncrement(OperationBuilder<AddColumnOperation> column) => column
        .Annotation("Sqlite:Autoincrement", true)
        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    private static void CreateIdentityTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AspNetRoles", r => r.Id));
        migrationBuilder.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<long>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AspNetUsers", u => u.Id));
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = AutoIncrement(table.Column<int>(nullable: false)),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", c => c.Id);
                table.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", c => c.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = AutoIncrement(table.Column<int>(nullable: false)),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", c => c.Id);
                table.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", c => c.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", l => new { l.LoginProvider, l.ProviderKey });
                table.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", l => l.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", r => new { r.UserId, r.RoleId });
                table.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", r => r.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", r => r.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", t => new { t.UserId, t.LoginProvider, t.Name });
                table.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", t => t.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
    }
}
