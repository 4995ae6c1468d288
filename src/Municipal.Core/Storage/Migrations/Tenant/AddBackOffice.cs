using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Tenant;

/// <summary>The audit log, and the review and trash state of content items.</summary>
[Migration("20261129030000_AddBackOffice")]
public sealed class AddBackOffice : TenantMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("AuditLog",
        [
            Long("Id").Identity(), Long("AtUtc"), Text("UserId").Nullable(), Text("Actor"), Text("Action"),
            Text("ObjectType"), Text("ObjectId").Nullable(), Text("ObjectName"), Text("Details").Nullable(),
        ]);
        schema.CreateIndex("AuditLog", ["ObjectId"]);

        schema.AddColumns("ContentItems", Text("ReviewState").Default("None"), Text("ReviewComment").Nullable(), Long("TrashedUtc").Nullable());
    }
}
