using Microsoft.Data.Sqlite;
using Npgsql;

namespace Municipal.Core.Storage;

/// <summary>Creates, migrates and removes the storage of a tenant: its folder and its database file or schema.</summary>
public sealed class TenantStorage(
    DatabaseConfigurator configurator,
    DataPaths paths,
    IEnumerable<TenantDbContextRegistration> contexts,
    IServiceProvider services)
{
    private readonly IReadOnlyList<TenantDbContextRegistration> _contexts = contexts.ToArray();

    public bool Exists(string tenantName) => Directory.Exists(paths.TenantFolder(tenantName));

    public async Task CreateAsync(string tenantName, CancellationToken cancellationToken)
    {
        SecureFiles.CreateDirectory(paths.TenantFolder(tenantName));
        if (configurator.Provider == DatabaseProvider.Sqlite)
        {
            SecureFiles.EnsureDatabaseFile(paths.TenantDatabase(tenantName));
            // WAL lets readers go on while one writer commits; the mode is stored in the file.
            await using var connection = new SqliteConnection(configurator.TenantConnectionString(tenantName));
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            await ExecutePostgresAsync($"CREATE SCHEMA \"{DatabaseConfigurator.TenantSchema(tenantName)}\"", cancellationToken);
        }

        await MigrateAsync(tenantName, cancellationToken);
    }

    /// <summary>Applies every pending migration of every tenant context, in place.</summary>
    public async Task MigrateAsync(string tenantName, CancellationToken cancellationToken)
    {
        foreach (var registration in _contexts)
        {
            await using var context = registration.Create(services, tenantName);
            await context.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Closes the tenant's idle pooled connections (about 270 KiB and 4 file descriptors each on SQLite): after
    /// provisioning or the start-up migration, a tenant holds nothing until a visitor asks for it.
    /// </summary>
    public void Release(string tenantName) => configurator.ReleaseTenantConnections(tenantName);

    /// <summary>Removes everything the tenant stored. Safe to call on a half-created tenant.</summary>
    public async Task DeleteAsync(string tenantName, CancellationToken cancellationToken)
    {
        configurator.ReleaseTenantConnections(tenantName);
        if (configurator.Provider == DatabaseProvider.PostgreSql)
        {
            await ExecutePostgresAsync($"DROP SCHEMA IF EXISTS \"{DatabaseConfigurator.TenantSchema(tenantName)}\" CASCADE", cancellationToken);
        }

        var folder = paths.TenantFolder(tenantName);
        for (var attempt = 0; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(100 * (attempt + 1), cancellationToken);
            }
        }
    }

    private async Task ExecutePostgresAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(configurator.AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
