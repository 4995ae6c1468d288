using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Tenant;

/// <summary>Former addresses of content items (answered with 301), and the date an item is about. Provider-neutral: see InitialHost.</summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261129010000_AddRouteRedirects")]
public sealed class AddRouteRedirects : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RouteRedirects",
            columns: table => new
            {
                OldPath = table.Column<string>(nullable: false),
                ContentItemId = table.Column<string>(nullable: false),
                CreatedUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RouteRedirects", r => r.OldPath));
        migrationBuilder.CreateIndex("IX_RouteRedirects_ContentItemId", "RouteRedirects", "ContentItemId");

        migrationBuilder.AddColumn<long>(name: "ContentDate", table: "ContentItems", nullable: true);
        migrationBuilder.CreateIndex("IX_ContentItems_ContentType_Status_ContentDate", "ContentItems", ["ContentType", "Status", "ContentDate"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ContentItems_ContentType_Status_ContentDate", "ContentItems");
        migrationBuilder.DropColumn("ContentDate", "ContentItems");
        migrationBuilder.DropTable("RouteRedirects");
    }
}
