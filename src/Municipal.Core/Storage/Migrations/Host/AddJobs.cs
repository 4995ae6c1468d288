using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>The durable job table.</summary>
[Migration("20261129010000_AddJobs")]
public sealed class AddJobs : HostMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("Jobs",
        [
            Long("Id").Identity(), Text("TenantName"), Text("Kind"), Text("Payload"), Long("DueUtc"), Int("Attempts"),
            Long("LockedUntilUtc").Nullable(), Long("CompletedUtc").Nullable(), Long("FailedUtc").Nullable(), Text("LastError").Nullable(),
        ]);
        schema.CreateIndex("Jobs", ["CompletedUtc", "FailedUtc", "DueUtc"]);
        schema.CreateIndex("Jobs", ["TenantName", "Kind"]);
    }
}
