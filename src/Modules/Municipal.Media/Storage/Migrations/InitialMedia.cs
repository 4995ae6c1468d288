using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Core.Storage;

namespace Municipal.Media.Storage.Migrations;

/// <summary>The library's images and folders.</summary>
[Migration("20261129100000_InitialMedia")]
public sealed class InitialMedia : MediaMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("MediaFolders", [Long("Id").Identity(), Text("Name")]);
        schema.CreateIndex("MediaFolders", ["Name"], unique: true);

        schema.CreateTable("Media",
        [
            Text("Id"), Text("Name"), Text("Alt").Nullable(), Long("FolderId").Nullable(), Int("Width"), Int("Height"),
            Text("Widths"), Text("FallbackFile"), Long("StoredBytes"), Long("UploadedUtc"), Long("ModifiedUtc"), Text("UploadedBy").Nullable(),
        ]);
        schema.CreateIndex("Media", ["FolderId"]);
        schema.CreateIndex("Media", ["UploadedUtc"]);
    }
}
