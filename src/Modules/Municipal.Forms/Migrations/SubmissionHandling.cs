using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Core.Storage;

namespace Municipal.Forms.Migrations;

/// <summary>
/// What agents and citizens add to a request: assignment, anonymisation time, the signed-in citizen, its history (status changes,
/// messages, notes), and drafts saved to be resumed.
/// </summary>
[Migration("20261129130000_SubmissionHandling")]
public sealed class SubmissionHandling : FormsMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.AddColumns("Submissions",
            Text("AssigneeId").Nullable(), Text("AssigneeName").Nullable(), Long("AnonymisedUtc").Nullable(),
            Text("CitizenNationalNumber").Nullable(), Text("CitizenName").Nullable());
        schema.CreateIndex("Submissions", ["Email"]);

        schema.CreateTable("SubmissionEvents",
        [
            Long("Id").Identity(), Text("SubmissionId"), Text("Kind"), Text("FromStatus").Nullable(), Text("ToStatus").Nullable(),
            Text("Text").Nullable(), Text("AuthorId").Nullable(), Text("AuthorName").Nullable(), Bool("VisibleToCitizen"), Long("CreatedUtc"),
        ]);
        schema.CreateIndex("SubmissionEvents", ["SubmissionId", "Id"]);

        schema.CreateTable("FormDrafts",
        [
            Text("Id"), Text("FormSlug"), Int("FormVersion"), Text("Email").Nullable(), Text("Values"),
            Int("Step"), Long("CreatedUtc"), Long("UpdatedUtc"), Long("ExpiresUtc"),
        ]);
        schema.CreateIndex("FormDrafts", ["ExpiresUtc"]);
    }
}
