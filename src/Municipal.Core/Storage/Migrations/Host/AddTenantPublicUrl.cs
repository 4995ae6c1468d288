using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>
/// The tenant's canonical address (see TenantRecord.PublicUrl). Null for the tenants already there: their links are
/// derived from the host settings, as TenantUrls does.
/// </summary>
[Migration("20261206120000_AddTenantPublicUrl")]
public sealed class AddTenantPublicUrl : HostMigration
{
    protected override void Up(MigrationSchema schema) => schema.AddColumns("Tenants", Text("PublicUrl").Nullable());
}
