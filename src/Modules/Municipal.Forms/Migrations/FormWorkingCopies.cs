using Microsoft.EntityFrameworkCore.Migrations;
using Municipal.Core.Storage;

namespace Municipal.Forms.Migrations;

/// <summary>The form builder's working copies (one per form), apart from the published versions.</summary>
[Migration("20261129150500_FormWorkingCopies")]
public sealed class FormWorkingCopies : FormsMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("FormWorkingCopies", [Long("Id").Identity(), Text("Slug"), Text("Definition"), Long("UpdatedUtc")]);
        schema.CreateIndex("FormWorkingCopies", ["Slug"], unique: true);
    }
}
