using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>The regional operator's accounts (host administration at /host).</summary>
[Migration("20261129020000_AddOperators")]
public sealed class AddOperators : HostMigration
{
    protected override void Up(MigrationSchema schema)
    {
        schema.CreateTable("Operators",
        [
            Long("Id").Identity(), Text("Email"), Text("NormalizedEmail"), Text("PasswordHash"),
            Int("AccessFailedCount"), Long("LockoutEndUtc").Nullable(), Long("CreatedUtc"),
        ]);
        schema.CreateIndex("Operators", ["NormalizedEmail"], unique: true);
    }
}
