using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>
/// The operators' sign-in throttle (failures per typed address and client), which replaces their account lockout.
/// The same table as the tenants' (AddAdminSessions). Provider-neutral: see InitialHost.
/// </summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261206140000_AddHostSignInThrottles")]
public sealed class AddHostSignInThrottles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SignInThrottles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Failures = table.Column<int>(nullable: false),
                NotBeforeUtc = table.Column<long>(nullable: true),
                UpdatedUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SignInThrottles", t => t.Id));
        migrationBuilder.CreateIndex("IX_SignInThrottles_UpdatedUtc", "SignInThrottles", "UpdatedUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("SignInThrottles");
}
