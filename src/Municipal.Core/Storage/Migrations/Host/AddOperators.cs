using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>The regional operator's accounts (host administration at /host).</summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261129020000_AddOperators")]
public sealed class AddOperators : ProviderNeutralMigration
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
