using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Municipal.Core.Storage;

/// <summary>
/// Builds the EF Core options of the host database and of each tenant's database, for the configured provider.
/// SQLite: one file per tenant, pooled connections. PostgreSQL: one schema per tenant, chosen by search path.
/// </summary>
public sealed class DatabaseConfigurator
{
    public const string HostSchema = "municipal_host";

    private readonly DataPaths _paths;
    private readonly DatabaseOptions _options;
    private readonly ConcurrentDictionary<string, string> _tenantConnectionStrings = new(StringComparer.Ordinal);
    private string? _postgres;

    public DatabaseConfigurator(IOptions<MunicipalOptions> options, DataPaths paths)
    {
        _paths = paths;
        _options = options.Value.Database;
        if (_options.Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(_options.ConnectionString))
        {
            throw new InvalidOperationException(CoreText.Get("OptionsErrorConnectionString"));
        }
    }

    public DatabaseProvider Provider => _options.Provider;

    /// <summary>PostgreSQL schema of a tenant. Tenant names are slugs, so the result is a safe identifier.</summary>
    public static string TenantSchema(string tenantName) => "tenant_" + tenantName.Replace('-', '_');

    public string HostConnectionString => Provider == DatabaseProvider.Sqlite
        ? SqliteConnectionString(_paths.HostDatabase)
        : AdminConnectionString;

    /// <summary>SQLite: the tenant's own file. PostgreSQL: the one shared connection string (the schema is set per connection).</summary>
    public string TenantConnectionString(string tenantName) => Provider == DatabaseProvider.Sqlite
        ? _tenantConnectionStrings.GetOrAdd(tenantName, name => SqliteConnectionString(_paths.TenantDatabase(name)))
        : AdminConnectionString;

    /// <summary>The PostgreSQL connection string every context shares (one pool), without search path.</summary>
    public string AdminConnectionString => _postgres ??= PostgresConnectionString();

    public void ConfigureHost(DbContextOptionsBuilder builder) =>
        Configure(builder, HostConnectionString, "__HostMigrations", Provider == DatabaseProvider.PostgreSql ? HostSchema : null);

    public void ConfigureTenant(DbContextOptionsBuilder builder, string tenantName, string migrationsHistoryTable) =>
        Configure(builder, TenantConnectionString(tenantName), migrationsHistoryTable, Provider == DatabaseProvider.PostgreSql ? TenantSchema(tenantName) : null);

    public DbContextOptions<TContext> TenantOptions<TContext>(string tenantName, string migrationsHistoryTable)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        ConfigureTenant(builder, tenantName, migrationsHistoryTable);
        return builder.Options;
    }

    /// <summary>
    /// Frees the pooled connections of a tenant (idle tenant, or before its files are deleted). SQLite only:
    /// on PostgreSQL every tenant shares one pool, which Npgsql prunes by itself.
    /// </summary>
    public void ReleaseTenantConnections(string tenantName)
    {
        if (_tenantConnectionStrings.TryRemove(tenantName, out var connectionString))
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    private void Configure(DbContextOptionsBuilder builder, string connectionString, string historyTable, string? schema)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(historyTable));
        }
        else
        {
            builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(historyTable, schema));
            ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new TenantSchemaExtension(schema!));
            builder.AddInterceptors(SearchPathInterceptor.Instance);
        }

        // Migrations are hand-written and provider-neutral, without a model snapshot to compare with.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private static string SqliteConnectionString(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        // Also the time a command waits on a locked database before failing.
        DefaultTimeout = 30,
    }.ToString();

    private string PostgresConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(_options.ConnectionString) { SearchPath = null };
        return builder.ToString();
    }
}
