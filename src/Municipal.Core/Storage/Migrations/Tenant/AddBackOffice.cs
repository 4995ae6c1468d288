using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Tenant;

/// <summary>The audit log, and the review and trash state of content items. Provider-neutral: see InitialHost.</summary>
[DbContext(typeof(TenantDbContext))]
[Migration("20261129030000_AddBackOffice")]
public sealed class AddBackOffice : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditLog",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AtUtc = table.Column<long>(nullable: false),
                UserId = table.Column<string>(nullable: true),
                Actor = table.Column<string>(nullable: false),
                Action = table.Column<string>(nullable: false),
                ObjectType = table.Column<string>(nullable: false),
                ObjectId = table.Column<string>(nullable: true),
                ObjectName = table.Column<string>(nullable: false),
                Details = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditLog", a => a.Id));
        migrationBuilder.CreateIndex("IX_AuditLog_ObjectId", "AuditLog", "ObjectId");

        migrationBuilder.AddColumn<string>(name: "ReviewState", table: "ContentItems", nullable: false, defaultValue: "None");
        migrationBuilder.AddColumn<string>(name: "ReviewComment", table: "ContentItems", nullable: true);
        migrationBuilder.AddColumn<long>(name: "TrashedUtc", table: "ContentItems", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("TrashedUtc", "ContentItems");
        migrationBuilder.DropColumn("ReviewComment", "ContentItems");
        migrationBuilder.DropColumn("ReviewState", "ContentItems");
        migrationBuilder.DropTable("AuditLog");
    }
}
