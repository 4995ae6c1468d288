using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>The operator's session stamp (see OperatorRecord.SessionStamp).</summary>
[Migration("20261206100000_AddOperatorSessionStamp")]
public sealed class AddOperatorSessionStamp : HostMigration
{
    protected override void Up(MigrationSchema schema) => schema.AddColumns("Operators", Text("SessionStamp").Nullable());
}
