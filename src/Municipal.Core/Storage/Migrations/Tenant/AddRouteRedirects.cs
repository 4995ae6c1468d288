using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Tenant;

/// <summary>Former addresses of content items (answered with 301), and the date an item is about.</summary>
[Migration("20261129010000_AddRouteRedirects")]
public sealed class AddRouteRedirects : TenantMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("RouteRedirects", [Text("OldPath"), Text("ContentItemId"), Long("CreatedUtc")]);
        schema.CreateIndex("RouteRedirects", ["ContentItemId"]);

        schema.AddColumns("ContentItems", Long("ContentDate").Nullable());
        schema.CreateIndex("ContentItems", ["ContentType", "Status", "ContentDate"]);
    }
}
