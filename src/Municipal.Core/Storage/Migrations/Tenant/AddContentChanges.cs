using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Tenant;

/// <summary>The change table that readers outside the tenant (the shared catalogue, search, open data) follow by its numbering.</summary>
[Migration("20261206220000_AddContentChanges")]
public sealed class AddContentChanges : TenantMigration
{
    protected override void Up(MigrationSchema schema) =>
        schema.CreateTable("ContentChanges",
        [
            Long("Id").Identity(), Text("ContentItemId"), Text("ContentType"), Text("Kind"), Long("VersionId"), Long("CreatedUtc"),
        ]);
}
