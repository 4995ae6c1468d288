using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Municipal.Core.Storage;

/// <summary>
/// The PostgreSQL schema a context works in, carried in its options. All tenants share one connection string,
/// hence one Npgsql pool: a pool per tenant (search path in the connection string) held one server connection
/// per recently seen tenant and ran out of max_connections past ~100 tenants (bench/tenants-results.md).
/// </summary>
public sealed class TenantSchemaExtension(string schema) : IDbContextOptionsExtension
{
    public string Schema { get; } = schema;

    public DbContextOptionsExtensionInfo Info => new SchemaInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class SchemaInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"Schema={((TenantSchemaExtension)Extension).Schema} ";

        // The schema is per-context data: every tenant shares EF's internal service provider.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is SchemaInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}

/// <summary>Sets the search path of a pooled PostgreSQL connection to its context's schema each time it is opened.</summary>
public sealed class SearchPathInterceptor : DbConnectionInterceptor
{
    /// <summary>Stateless, so one instance serves every context.</summary>
    public static readonly SearchPathInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (SchemaOf(eventData) is { } schema)
        {
            using var command = SetSearchPath(connection, schema);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (SchemaOf(eventData) is { } schema)
        {
            await using var command = SetSearchPath(connection, schema);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string? SchemaOf(ConnectionEndEventData eventData) =>
        eventData.Context?.GetService<IDbContextOptions>().FindExtension<TenantSchemaExtension>()?.Schema;

    private static DbCommand SetSearchPath(DbConnection connection, string schema)
    {
        var command = connection.CreateCommand();

        // The schema is "tenant_" + a validated slug or the host schema: a safe identifier, quoted anyway.
        command.CommandText = $"SET search_path TO \"{schema.Replace("\"", string.Empty, StringComparison.Ordinal)}\"";
        return command;
    }
}
