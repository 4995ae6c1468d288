using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>The durable job table. Provider-neutral: see InitialHost.</summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261129010000_AddJobs")]
public sealed class AddJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Jobs",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TenantName = table.Column<string>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                Payload = table.Column<string>(nullable: false),
                DueUtc = table.Column<long>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LockedUntilUtc = table.Column<long>(nullable: true),
                CompletedUtc = table.Column<long>(nullable: true),
                FailedUtc = table.Column<long>(nullable: true),
                LastError = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Jobs", j => j.Id));
        migrationBuilder.CreateIndex("IX_Jobs_CompletedUtc_FailedUtc_DueUtc", "Jobs", ["CompletedUtc", "FailedUtc", "DueUtc"]);
        migrationBuilder.CreateIndex("IX_Jobs_TenantName_Kind", "Jobs", ["TenantName", "Kind"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Jobs");
}
