using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>
/// The tenant's canonical address (see TenantRecord.PublicUrl). Null for the tenants already there: their links are
/// derived from the host settings, as TenantUrls does.
/// </summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261206120000_AddTenantPublicUrl")]
public sealed class AddTenantPublicUrl : ProviderNeutralMigration
{
    protected override void Up(MigrationSchema schema) => schema.AddColumns("Tenants", Text("PublicUrl").Nullable());
}
