using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>
/// The tenant's canonical address (see TenantRecord.PublicUrl). Null for the tenants already there: their links are
/// derived from the host settings, as TenantUrls does. Provider-neutral: see InitialHost.
/// </summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261206120000_AddTenantPublicUrl")]
public sealed class AddTenantPublicUrl : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "PublicUrl", table: "Tenants", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "PublicUrl", table: "Tenants");
}
