using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Municipal.Core.Storage;

/// <summary>
/// The base of the hand-written migrations of the core and the modules (there is no model snapshot). They name no
/// provider-specific column type: each provider maps the CLR types itself (DateTimeOffset as long UTC ticks), so one
/// migration serves SQLite and PostgreSQL alike. A migration states its changes once, through <see cref="MigrationSchema"/>;
/// <see cref="Down"/> undoes them in the reverse order (the indexes of a dropped table go with it).
/// </summary>
public abstract class ProviderNeutralMigration : Migration
{
    /// <summary>The changes of the migration, with the naming conventions of EF Core (PK_, IX_, FK_).</summary>
    protected abstract void Up(MigrationSchema schema);

    protected sealed override void Up(MigrationBuilder migrationBuilder) => Up(new MigrationSchema(migrationBuilder));

    protected sealed override void Down(MigrationBuilder migrationBuilder)
    {
        var created = UpOperations.OfType<CreateTableOperation>().Select(table => table.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var operation in UpOperations.Reverse())
        {
            switch (operation)
            {
                case CreateTableOperation table:
                    migrationBuilder.DropTable(table.Name);
                    break;
                case AddColumnOperation column:
                    migrationBuilder.DropColumn(column.Name, column.Table);
                    break;
                case CreateIndexOperation index when !created.Contains(index.Table):
                    migrationBuilder.DropIndex(index.Name, index.Table);
                    break;
                case CreateIndexOperation:
                    break;
                default:
                    throw new NotSupportedException($"{GetType().Name}: no reverse for {operation.GetType().Name}.");
            }
        }
    }

    protected static TableColumn Text(string name, int? maxLength = null) => new(name, typeof(string), MaxLength: maxLength);

    [SuppressMessage("Naming", "CA1720", Justification = "Named after the column type it makes.")]
    protected static TableColumn Int(string name) => new(name, typeof(int));

    [SuppressMessage("Naming", "CA1720", Justification = "Named after the column type it makes.")]
    protected static TableColumn Long(string name) => new(name, typeof(long));

    protected static TableColumn Bool(string name) => new(name, typeof(bool));

    [SuppressMessage("Naming", "CA1720", Justification = "Named after the column type it makes.")]
    protected static TableColumn Double(string name) => new(name, typeof(double));

    /// <summary>A foreign key to <paramref name="principalTable"/>, deleted with its principal row.</summary>
    protected static TableReference ForeignKey(string column, string principalTable, string principalColumn = "Id") =>
        new(column, principalTable, principalColumn);
}
