using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>
/// The operators' sign-in throttle (failures per typed address and client), which replaces their account lockout.
/// The same table as the tenants' (AddAdminSessions).
/// </summary>
[Migration("20261206140000_AddHostSignInThrottles")]
public sealed class AddHostSignInThrottles : HostMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("SignInThrottles", [Text("Id"), Int("Failures"), Long("NotBeforeUtc").Nullable(), Long("UpdatedUtc")]);
        schema.CreateIndex("SignInThrottles", ["UpdatedUtc"]);
    }
}
