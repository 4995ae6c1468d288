using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Forms.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Municipal.Forms.Migrations;

/// <summary>
/// What agents and citizens add to a request: assignment, anonymisation time, the signed-in citizen, its history (status changes,
/// messages, notes), and drafts saved to be resumed. Provider-neutral like <see cref="InitialForms"/>.
/// </summary>
[DbContext(typeof(FormsDbContext))]
[Migration("20261129130000_SubmissionHandling")]
public sealed class SubmissionHandling : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("AssigneeId", "Submissions", nullable: true);
        migrationBuilder.AddColumn<string>("AssigneeName", "Submissions", nullable: true);
        migrationBuilder.AddColumn<long>("AnonymisedUtc", "Submissions", nullable: true);
        migrationBuilder.AddColumn<string>("CitizenNationalNumber", "Submissions", nullable: true);
        migrationBuilder.AddColumn<string>("CitizenName", "Submissions", nullable: true);
        migrationBuilder.CreateIndex("IX_Submissions_Email", "Submissions", "Email");

        migrationBuilder.CreateTable(
            name: "SubmissionEvents",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SubmissionId = table.Column<string>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                FromStatus = table.Column<string>(nullable: true),
                ToStatus = table.Column<string>(nullable: true),
                Text = table.Column<string>(nullable: true),
                AuthorId = table.Column<string>(nullable: true),
                AuthorName = table.Column<string>(nullable: true),
                VisibleToCitizen = table.Column<bool>(nullable: false),
                CreatedUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SubmissionEvents", e => e.Id));
        migrationBuilder.CreateIndex("IX_SubmissionEvents_SubmissionId_Id", "SubmissionEvents", ["SubmissionId", "Id"]);

        migrationBuilder.CreateTable(
            name: "FormDrafts",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                FormSlug = table.Column<string>(nullable: false),
                FormVersion = table.Column<int>(nullable: false),
                Email = table.Column<string>(nullable: true),
                Values = table.Column<string>(nullable: false),
                Step = table.Column<int>(nullable: false),
                CreatedUtc = table.Column<long>(nullable: false),
                UpdatedUtc = table.Column<long>(nullable: false),
                ExpiresUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_FormDrafts", d => d.Id));
        migrationBuilder.CreateIndex("IX_FormDrafts_ExpiresUtc", "FormDrafts", "ExpiresUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("FormDrafts");
        migrationBuilder.DropTable("SubmissionEvents");
        migrationBuilder.DropIndex("IX_Submissions_Email", "Submissions");
        migrationBuilder.DropColumn("CitizenName", "Submissions");
        migrationBuilder.DropColumn("CitizenNationalNumber", "Submissions");
        migrationBuilder.DropColumn("AnonymisedUtc", "Submissions");
        migrationBuilder.DropColumn("AssigneeName", "Submissions");
        migrationBuilder.DropColumn("AssigneeId", "Submissions");
    }
}
