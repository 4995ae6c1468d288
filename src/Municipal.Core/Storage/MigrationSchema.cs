using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Municipal.Core.Storage;

/// <summary>A column of a hand-written migration: a CLR type, which each provider maps itself.</summary>
public sealed record TableColumn(string Name, Type ClrType, bool IsNullable = false, int? MaxLength = null, object? DefaultValue = null, bool IsIdentity = false)
{
    public TableColumn Nullable() => this with { IsNullable = true };

    public TableColumn Default(object value) => this with { DefaultValue = value };

    /// <summary>Numbered by the database (SQLite AUTOINCREMENT, PostgreSQL identity column).</summary>
    public TableColumn Identity() => this with { IsIdentity = true };

    internal AddColumnOperation ToOperation(string table)
    {
        var operation = new AddColumnOperation { Table = table, Name = Name, ClrType = ClrType, IsNullable = IsNullable, MaxLength = MaxLength, DefaultValue = DefaultValue };
        if (IsIdentity)
        {
            operation.AddAnnotation("Sqlite:Autoincrement", true);
            operation.AddAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }

        return operation;
    }
}

/// <summary>A foreign key of a hand-written migration, deleted with its principal row.</summary>
public sealed record TableReference(string Column, string PrincipalTable, string PrincipalColumn);

/// <summary>The changes a <see cref="ProviderNeutralMigration"/> makes, named as EF Core names them.</summary>
public sealed class MigrationSchema(MigrationBuilder migrationBuilder)
{
    /// <summary>A table keyed by <paramref name="key"/> (by default its first column).</summary>
    public void CreateTable(string name, IReadOnlyList<TableColumn> columns, IReadOnlyList<string>? key = null, params IReadOnlyList<TableReference> references)
    {
        var table = new CreateTableOperation { Name = name };
        table.Columns.AddRange(columns.Select(column => column.ToOperation(name)));
        table.PrimaryKey = new AddPrimaryKeyOperation { Table = name, Name = $"PK_{name}", Columns = [.. key ?? [columns[0].Name]] };
        table.ForeignKeys.AddRange(references.Select(reference => new AddForeignKeyOperation
        {
            Table = name,
            Name = $"FK_{name}_{reference.PrincipalTable}_{reference.Column}",
            Columns = [reference.Column],
            PrincipalTable = reference.PrincipalTable,
            PrincipalColumns = [reference.PrincipalColumn],
            OnDelete = ReferentialAction.Cascade,
        }));
        migrationBuilder.Operations.Add(table);
    }

    public void AddColumns(string table, params IReadOnlyList<TableColumn> columns) =>
        migrationBuilder.Operations.AddRange(columns.Select(column => column.ToOperation(table)));

    /// <summary>An index named IX_Table_Columns unless <paramref name="name"/> says otherwise.</summary>
    public void CreateIndex(string table, IReadOnlyList<string> columns, bool unique = false, string? name = null) =>
        migrationBuilder.CreateIndex(name ?? $"IX_{table}_{string.Join('_', columns)}", table, [.. columns], unique: unique);
}
