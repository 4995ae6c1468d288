using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Core.Storage;

namespace Municipal.Forms.Migrations;

/// <summary>Form versions, submissions and their attachments' metadata.</summary>
[Migration("20261129120000_InitialForms")]
public sealed class InitialForms : FormsMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("FormVersions", [Long("Id").Identity(), Text("Slug"), Int("Version"), Text("Definition"), Long("CreatedUtc"), Bool("Enabled")]);
        schema.CreateIndex("FormVersions", ["Slug", "Version"], unique: true);

        schema.CreateTable("Submissions",
        [
            Text("Id"), Text("TrackingCode"), Text("FormSlug"), Int("FormVersion"), Text("Email"),
            Text("Values"), Text("Status"), Long("CreatedUtc"), Long("UpdatedUtc"),
        ]);
        schema.CreateIndex("Submissions", ["TrackingCode"], unique: true);
        schema.CreateIndex("Submissions", ["Status", "CreatedUtc"]);
        schema.CreateIndex("Submissions", ["FormSlug", "CreatedUtc"]);
        schema.CreateIndex("Submissions", ["CreatedUtc"]);

        schema.CreateTable("SubmissionAttachments",
        [
            Long("Id").Identity(), Text("SubmissionId"), Text("FieldName"), Text("FileName"), Text("ContentType"), Long("Size"), Text("StoredPath"),
        ]);
        schema.CreateIndex("SubmissionAttachments", ["SubmissionId"]);
    }
}
