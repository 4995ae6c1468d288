using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>The shared catalogue: shared items, their occurrences, and the relay's cursor per tenant.</summary>
[Migration("20261206220000_AddSharedCatalog")]
public sealed class AddSharedCatalog : HostMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("SharedItems",
        [
            Long("Id").Identity(), Text("SourceTenant"), Text("ContentItemId"), Text("ContentType"), Long("VersionId"),
            Text("Title"), Text("Slug"), Text("DisplayJson"), Text("Categories"), Text("Topics"), Text("Audiences"),
            Text("PostalCode").Nullable(), Text("Locality").Nullable(), Double("Latitude").Nullable(), Double("Longitude").Nullable(),
            Text("Flags"), Long("PublishedUtc"),
        ]);
        schema.CreateIndex("SharedItems", ["SourceTenant", "ContentItemId"], unique: true);
        schema.CreateIndex("SharedItems", ["ContentType", "SourceTenant"]);

        schema.CreateTable("SharedOccurrences",
        [
            Long("Id").Identity(), Long("ItemId"), Text("SourceTenant"), Text("ContentType"), Text("Title"),
            Long("StartUtc"), Long("EndUtc").Nullable(), Bool("WholeDay"), Text("Status"),
            Text("Categories"), Text("Topics"), Text("Audiences"), Text("Locality").Nullable(), Text("Flags"),
        ], references: ForeignKey("ItemId", "SharedItems"));
        // Covering: an agenda's count by period, source, flags, category or locality reads the index alone; its page
        // walks the second in display order.
        schema.CreateIndex("SharedOccurrences", ["ContentType", "StartUtc", "SourceTenant", "ItemId", "Flags", "Categories", "Locality"]);
        schema.CreateIndex("SharedOccurrences", ["ContentType", "StartUtc", "Title", "Id"]);
        schema.CreateIndex("SharedOccurrences", ["ItemId"]);

        schema.CreateTable("SharedCursors", [Text("TenantName"), Long("LastChangeId"), Long("UpdatedUtc")]);
    }
}
