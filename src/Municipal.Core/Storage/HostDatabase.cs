using Npgsql;

namespace Municipal.Core.Storage;

/// <summary>Creates and migrates the host database at start-up.</summary>
public sealed class HostDatabase(DatabaseConfigurator configurator, DataPaths paths, IServiceScopeFactory scopes)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        SecureFiles.CreateDirectory(paths.Root);
        SecureFiles.CreateDirectory(paths.TenantsRoot);
        SecureFiles.Close(paths.Root);
        SecureFiles.Close(paths.TenantsRoot);
        if (configurator.Provider == DatabaseProvider.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(configurator.AdminConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{DatabaseConfigurator.HostSchema}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            SecureFiles.EnsureDatabaseFile(paths.HostDatabase);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (configurator.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
