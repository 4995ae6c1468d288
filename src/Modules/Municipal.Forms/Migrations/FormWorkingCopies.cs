using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Forms.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Municipal.Forms.Migrations;

/// <summary>The form builder's working copies (one per form), apart from the published versions. Provider-neutral.</summary>
[DbContext(typeof(FormsDbContext))]
[Migration("20261129150500_FormWorkingCopies")]
public sealed class FormWorkingCopies : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FormWorkingCopies",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Slug = table.Column<string>(nullable: false),
                Definition = table.Column<string>(nullable: false),
                UpdatedUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_FormWorkingCopies", f => f.Id));
        migrationBuilder.CreateIndex("IX_FormWorkingCopies_Slug", "FormWorkingCopies", "Slug", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("FormWorkingCopies");
}
