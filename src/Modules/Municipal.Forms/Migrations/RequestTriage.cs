using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Core.Storage;

namespace Municipal.Forms.Migrations;

/// <summary>
/// What agents triage and answer with: the queue's search columns (searchable answers, hashed national numbers), the
/// "Réponse reçue" mark, and the documents agents send citizens with a message or a decision. Requests stored before
/// have no search text: the queue finds them by code, e-mail and name, not by their answers.
/// </summary>
[Migration("20261206200000_RequestTriage")]
public sealed class RequestTriage : FormsMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.AddColumns("Submissions", Text("SearchText").Nullable(), Text("SearchKeys").Nullable(), Long("CitizenRepliedUtc").Nullable());

        schema.CreateTable("RequestDocuments",
        [
            Long("Id").Identity(), Text("SubmissionId"), Long("EventId"), Text("FileName"), Text("ContentType"), Long("Size"), Text("StoredPath"), Long("CreatedUtc"),
        ],
        references: new TableReference("EventId", "SubmissionEvents", "Id"));
        schema.CreateIndex("RequestDocuments", ["SubmissionId"]);
        schema.CreateIndex("RequestDocuments", ["EventId"]);
    }
}
