using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Forms.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Municipal.Forms.Migrations;

/// <summary>
/// Form versions, submissions and their attachments' metadata. Hand-written and provider-neutral like the core's:
/// no provider column type, DateTimeOffset as long UTC ticks, so one migration serves SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(FormsDbContext))]
[Migration("20261129120000_InitialForms")]
public sealed class InitialForms : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FormVersions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Slug = table.Column<string>(nullable: false),
                Version = table.Column<int>(nullable: false),
                Definition = table.Column<string>(nullable: false),
                CreatedUtc = table.Column<long>(nullable: false),
                Enabled = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_FormVersions", f => f.Id));
        migrationBuilder.CreateIndex("IX_FormVersions_Slug_Version", "FormVersions", ["Slug", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "Submissions",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                TrackingCode = table.Column<string>(nullable: false),
                FormSlug = table.Column<string>(nullable: false),
                FormVersion = table.Column<int>(nullable: false),
                Email = table.Column<string>(nullable: false),
                Values = table.Column<string>(nullable: false),
                Status = table.Column<string>(nullable: false),
                CreatedUtc = table.Column<long>(nullable: false),
                UpdatedUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Submissions", s => s.Id));
        migrationBuilder.CreateIndex("IX_Submissions_TrackingCode", "Submissions", "TrackingCode", unique: true);
        migrationBuilder.CreateIndex("IX_Submissions_Status_CreatedUtc", "Submissions", ["Status", "CreatedUtc"]);
        migrationBuilder.CreateIndex("IX_Submissions_FormSlug_CreatedUtc", "Submissions", ["FormSlug", "CreatedUtc"]);
        migrationBuilder.CreateIndex("IX_Submissions_CreatedUtc", "Submissions", "CreatedUtc");

        migrationBuilder.CreateTable(
            name: "SubmissionAttachments",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SubmissionId = table.Column<string>(nullable: false),
                FieldName = table.Column<string>(nullable: false),
                FileName = table.Column<string>(nullable: false),
                ContentType = table.Column<string>(nullable: false),
                Size = table.Column<long>(nullable: false),
                StoredPath = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SubmissionAttachments", a => a.Id));
        migrationBuilder.CreateIndex("IX_SubmissionAttachments_SubmissionId", "SubmissionAttachments", "SubmissionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SubmissionAttachments");
        migrationBuilder.DropTable("Submissions");
        migrationBuilder.DropTable("FormVersions");
    }
}
