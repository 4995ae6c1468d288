using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Tenant;

/// <summary>
/// The back office's sessions (one row per sign-in, which the cookie names) and the sign-in throttle (failures per
/// typed address and client).
/// </summary>
[Migration("20261206140000_AddAdminSessions")]
public sealed class AddAdminSessions : TenantMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("AdminSessions",
        [
            Text("Id"), Text("UserId"), Text("SecurityStamp"), Long("CreatedUtc"),
            Long("LastSeenUtc"), Text("Client"), Long("RevokedUtc").Nullable(),
        ]);
        schema.CreateIndex("AdminSessions", ["UserId"]);

        schema.CreateTable("SignInThrottles", [Text("Id"), Int("Failures"), Long("NotBeforeUtc").Nullable(), Long("UpdatedUtc")]);
        schema.CreateIndex("SignInThrottles", ["UpdatedUtc"]);
    }
}
