using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>The regional operator's accounts (host administration at /host). Provider-neutral: see InitialHost.</summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261129020000_AddOperators")]
public sealed class AddOperators : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Operators",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Email = table.Column<string>(nullable: false),
                NormalizedEmail = table.Column<string>(nullable: false),
                PasswordHash = table.Column<string>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
                LockoutEndUtc = table.Column<long>(nullable: true),
                CreatedUtc = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Operators", o => o.Id));
        migrationBuilder.CreateIndex("IX_Operators_NormalizedEmail", "Operators", "NormalizedEmail", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Operators");
}
