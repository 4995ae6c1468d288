using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Forms.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Municipal.Forms.Migrations;

/// <summary>
/// What the limits on anonymous writes need: the client and the file bytes of each draft (quotas of draft files per
/// tenant and per client), and the log of mails the public triggered (throttle per recipient and per client).
/// Drafts stored before this migration count 0 bytes until they are saved again or the retention run measures their folder.
/// Provider-neutral like <see cref="InitialForms"/>.
/// </summary>
[DbContext(typeof(FormsDbContext))]
[Migration("20261206140000_PublicWriteLimits")]
public sealed class PublicWriteLimits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("ClientKey", "FormDrafts", nullable: true);
        migrationBuilder.AddColumn<long>("FileBytes", "FormDrafts", nullable: false, defaultValue: 0L);
        migrationBuilder.CreateIndex("IX_FormDrafts_ClientKey", "FormDrafts", "ClientKey");

        migrationBuilder.CreateTable(
            name: "CitizenMails",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Recipient = table.Column<string>(nullable: false),
                ClientKey = table.Column<string>(nullable: false),
                SentUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CitizenMails", m => m.Id));
        migrationBuilder.CreateIndex("IX_CitizenMails_Recipient_SentUtc", "CitizenMails", ["Recipient", "SentUtc"]);
        migrationBuilder.CreateIndex("IX_CitizenMails_ClientKey_SentUtc", "CitizenMails", ["ClientKey", "SentUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CitizenMails");
        migrationBuilder.DropIndex("IX_FormDrafts_ClientKey", "FormDrafts");
        migrationBuilder.DropColumn("FileBytes", "FormDrafts");
        migrationBuilder.DropColumn("ClientKey", "FormDrafts");
    }
}
