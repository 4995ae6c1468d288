using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Core.Storage;
using Municipal.Forms.Storage;

namespace Municipal.Forms.Migrations;

/// <summary>The form builder's working copies (one per form), apart from the published versions.</summary>
[DbContext(typeof(FormsDbContext))]
[Migration("20261129150500_FormWorkingCopies")]
public sealed class FormWorkingCopies : ProviderNeutralMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("FormWorkingCopies", [Long("Id").Identity(), Text("Slug"), Text("Definition"), Long("UpdatedUtc")]);
        schema.CreateIndex("FormWorkingCopies", ["Slug"], unique: true);
    }
}
