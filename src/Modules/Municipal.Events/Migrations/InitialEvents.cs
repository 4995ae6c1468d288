using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Core.Storage;

namespace Municipal.Events.Migrations;

/// <summary>The occurrence index of published events.</summary>
[Migration("20261206220000_InitialEvents")]
public sealed class InitialEvents : EventsMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("EventOccurrences",
        [
            Long("Id").Identity(), Text("ContentItemId"), Long("VersionId"), Long("StartUtc"), Long("EndUtc").Nullable(), Bool("WholeDay"),
            Text("Status"), Text("Title"), Text("Path"), Text("Category"), Text("PostalCode").Nullable(), Text("Locality").Nullable(),
            Bool("Free"), Bool("Accessible"), Bool("Shared"), Text("Topics"), Text("Audiences"), Text("Agendas"),
        ]);
        // The range on StartUtc and the page's order (start, title, id): the database stops after the page.
        schema.CreateIndex("EventOccurrences", ["StartUtc", "Title", "ContentItemId"]);
        schema.CreateIndex("EventOccurrences", ["ContentItemId", "StartUtc"]);
        // Covering for the agenda form's localities (the distinct localities of the coming occurrences).
        schema.CreateIndex("EventOccurrences", ["Locality", "StartUtc"]);
    }
}
