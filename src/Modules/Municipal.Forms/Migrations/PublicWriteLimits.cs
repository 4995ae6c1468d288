using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Core.Storage;

namespace Municipal.Forms.Migrations;

/// <summary>
/// What the limits on anonymous writes need: the client and the file bytes of each draft (quotas of draft files per
/// tenant and per client), and the log of mails the public triggered (throttle per recipient and per client).
/// Drafts stored before this migration count 0 bytes until they are saved again or the retention run measures their folder.
/// </summary>
[Migration("20261206140000_PublicWriteLimits")]
public sealed class PublicWriteLimits : FormsMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.AddColumns("FormDrafts", Text("ClientKey").Nullable(), Long("FileBytes").Default(0L));
        schema.CreateIndex("FormDrafts", ["ClientKey"]);

        schema.CreateTable("CitizenMails", [Long("Id").Identity(), Text("Recipient"), Text("ClientKey"), Long("SentUtc")]);
        schema.CreateIndex("CitizenMails", ["Recipient", "SentUtc"]);
        schema.CreateIndex("CitizenMails", ["ClientKey", "SentUtc"]);
    }
}
