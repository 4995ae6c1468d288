using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Tenant;

/// <summary>
/// The back office's sessions (one row per sign-in, which the cookie names) and the sign-in throttle (failures per
/// typed address and client). Provider-neutral: see InitialHost.
/// </summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261206140000_AddAdminSessions")]
public sealed class AddAdminSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AdminSessions",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                UserId = table.Column<string>(nullable: false),
                SecurityStamp = table.Column<string>(nullable: false),
                CreatedUtc = table.Column<long>(nullable: false),
                LastSeenUtc = table.Column<long>(nullable: false),
                Client = table.Column<string>(nullable: false),
                RevokedUtc = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AdminSessions", s => s.Id));
        migrationBuilder.CreateIndex("IX_AdminSessions_UserId", "AdminSessions", "UserId");

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

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SignInThrottles");
        migrationBuilder.DropTable("AdminSessions");
    }
}
