using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>
/// Migrations are written by hand and name no provider-specific column type: each provider maps the CLR
/// types itself, so one migration serves SQLite and PostgreSQL alike.
/// </summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261129000000_InitialHost")]
public sealed class InitialHost : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Tenants",
            columns: table => new
            {
                Name = table.Column<string>(nullable: false),
                DisplayName = table.Column<string>(nullable: false),
                PathPrefix = table.Column<string>(nullable: true),
                State = table.Column<string>(nullable: false),
                Features = table.Column<string>(nullable: false),
                Culture = table.Column<string>(nullable: false),
                Theme = table.Column<string>(nullable: false),
                CreatedUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tenants", t => t.Name));

        migrationBuilder.CreateIndex("IX_Tenants_PathPrefix", "Tenants", "PathPrefix", unique: true);

        migrationBuilder.CreateTable(
            name: "TenantHosts",
            columns: table => new
            {
                Host = table.Column<string>(nullable: false),
                TenantName = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TenantHosts", h => h.Host);
                table.ForeignKey("FK_TenantHosts_Tenants_TenantName", h => h.TenantName, "Tenants", "Name", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_TenantHosts_TenantName", "TenantHosts", "TenantName");

        migrationBuilder.CreateTable(
            name: "RecipeRuns",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TenantName = table.Column<string>(nullable: false),
                Recipe = table.Column<string>(nullable: false),
                StartedUtc = table.Column<long>(nullable: false),
                FinishedUtc = table.Column<long>(nullable: true),
                Succeeded = table.Column<bool>(nullable: false),
                Error = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_RecipeRuns", r => r.Id));

        migrationBuilder.CreateIndex("IX_RecipeRuns_TenantName_StartedUtc", "RecipeRuns", ["TenantName", "StartedUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("RecipeRuns");
        migrationBuilder.DropTable("TenantHosts");
        migrationBuilder.DropTable("Tenants");
    }
}
