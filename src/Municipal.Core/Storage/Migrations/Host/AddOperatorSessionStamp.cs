using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>The operator's session stamp (see OperatorRecord.SessionStamp). Provider-neutral: see InitialHost.</summary>
[DbContext(typeof(HostDbContext))]
[Migration("20261206100000_AddOperatorSessionStamp")]
public sealed class AddOperatorSessionStamp : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "SessionStamp", table: "Operators", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "SessionStamp", table: "Operators");
}
