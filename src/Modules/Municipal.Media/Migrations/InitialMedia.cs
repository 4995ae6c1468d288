using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Media.Models;

namespace Municipal.Media.Migrations;

/// <summary>
/// The library's images and folders. Hand-written and provider-neutral like the core's: no provider column
/// type, DateTimeOffset as long UTC ticks, so one migration serves SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(MediaDbContext))]
[Migration("20261129100000_InitialMedia")]
public sealed class InitialMedia : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MediaFolders",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MediaFolders", f => f.Id));
        migrationBuilder.CreateIndex("IX_MediaFolders_Name", "MediaFolders", "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "Media",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Alt = table.Column<string>(nullable: true),
                FolderId = table.Column<long>(nullable: true),
                Width = table.Column<int>(nullable: false),
                Height = table.Column<int>(nullable: false),
                Widths = table.Column<string>(nullable: false),
                FallbackFile = table.Column<string>(nullable: false),
                StoredBytes = table.Column<long>(nullable: false),
                UploadedUtc = table.Column<long>(nullable: false),
                ModifiedUtc = table.Column<long>(nullable: false),
                UploadedBy = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Media", m => m.Id));
        migrationBuilder.CreateIndex("IX_Media_FolderId", "Media", "FolderId");
        migrationBuilder.CreateIndex("IX_Media_UploadedUtc", "Media", "UploadedUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Media");
        migrationBuilder.DropTable("MediaFolders");
    }
}
