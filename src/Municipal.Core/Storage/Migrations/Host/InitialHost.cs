using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>The tenants, their host names and the recipe runs.</summary>
[Migration("20261129000000_InitialHost")]
public sealed class InitialHost : HostMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("Tenants",
        [
            Text("Name"), Text("DisplayName"), Text("PathPrefix").Nullable(), Text("State"),
            Text("Features"), Text("Culture"), Text("Theme"), Long("CreatedUtc"),
        ]);
        schema.CreateIndex("Tenants", ["PathPrefix"], unique: true);

        schema.CreateTable("TenantHosts", [Text("Host"), Text("TenantName")], references: ForeignKey("TenantName", "Tenants", "Name"));
        schema.CreateIndex("TenantHosts", ["TenantName"]);

        schema.CreateTable("RecipeRuns",
        [
            Long("Id").Identity(), Text("TenantName"), Text("Recipe"), Long("StartedUtc"),
            Long("FinishedUtc").Nullable(), Bool("Succeeded"), Text("Error").Nullable(),
        ]);
        schema.CreateIndex("RecipeRuns", ["TenantName", "StartedUtc"]);
    }
}
