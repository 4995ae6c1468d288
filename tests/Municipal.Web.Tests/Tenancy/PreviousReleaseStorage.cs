using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Municipal.Core.Storage;
using Municipal.Web.Tests.Infrastructure;
using Npgsql;

namespace Municipal.Web.Tests.Tenancy;

/// <summary>
/// The storage the previous release left (Tenancy/Upgrade/README.md: one tenant "ancienne" with a page, its
/// administrator and an operator), copied into a fresh data folder or loaded into a fresh PostgreSQL database, so
/// that the current host can be started on it, stopped and started again. Removed on dispose.
/// </summary>
public sealed class PreviousReleaseStorage : IAsyncDisposable
{
    public const string Tenant = "ancienne";
    public const string TenantHost = "ancienne.localhost";
    public const string AdminEmail = "admin@ancienne.localhost";
    public const string OperatorEmail = "operateur@region.be";
    public const string Password = "mot-de-passe-de-test-42";

    /// <summary>The page the previous release stored, and words of its body.</summary>
    public const string OldPage = "/marche-hebdomadaire";
    public const string OldPageText = "Ancienne Halle";

    private string? _admin;
    private string? _database;

    private PreviousReleaseStorage(string provider)
    {
        Provider = provider;
        DataPath = Path.Combine(Path.GetTempPath(), "municipal-tests", "upgrade-" + Guid.NewGuid().ToString("N"));
    }

    public string Provider { get; }

    public string DataPath { get; }

    public string? ConnectionString { get; private set; }

    /// <summary>The clock of every host started on this storage.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.New();

    private static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "Tenancy", "Upgrade");

    private bool IsSqlite => Provider == "Sqlite";

    private static string SchemaOf(string? tenant) => tenant is null ? DatabaseConfigurator.HostSchema : DatabaseConfigurator.TenantSchema(tenant);

    /// <summary>Copies the previous release's SQLite files, or loads its PostgreSQL dump into a new database.</summary>
    public static async Task<PreviousReleaseStorage> RestoreAsync(string provider)
    {
        var storage = new PreviousReleaseStorage(provider);
        Directory.CreateDirectory(Path.Combine(storage.DataPath, "tenants", Tenant));
        if (storage.IsSqlite)
        {
            File.Copy(Path.Combine(FixtureFolder, "sqlite", "host.db"), Path.Combine(storage.DataPath, "host.db"));
            File.Copy(Path.Combine(FixtureFolder, "sqlite", "tenants", Tenant, "tenant.db"), Path.Combine(storage.DataPath, "tenants", Tenant, "tenant.db"));
            return storage;
        }

        storage._admin = Environment.GetEnvironmentVariable("MUNICIPAL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("MUNICIPAL_TEST_POSTGRES n'est pas défini : lancez les tests par « bash build/test.sh », qui démarre PostgreSQL.");
        storage._database = "municipal_upgrade_" + Guid.NewGuid().ToString("N")[..12];
        await storage.ExecuteAdminAsync($"CREATE DATABASE \"{storage._database}\"");
        storage.ConnectionString = new NpgsqlConnectionStringBuilder(storage._admin) { Database = storage._database }.ToString();
        await storage.LoadDumpAsync();
        return storage;
    }

    public UpgradeApp StartApp() => new(this);

    /// <summary>Tables of the host database (tenant null) or of a tenant's database or schema, read without the product's code.</summary>
    public async Task<IReadOnlyList<string>> TablesAsync(string? tenant)
    {
        return IsSqlite
            ? await QuerySqliteAsync(tenant, "SELECT name FROM sqlite_master WHERE type = 'table'")
            : await QueryPostgresAsync($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{SchemaOf(tenant)}'");
    }

    /// <summary>The rows of a migrations history table (e.g. "__FormsMigrations"), in order; empty when it does not exist.</summary>
    public async Task<IReadOnlyList<string>> HistoryAsync(string? tenant, string historyTable)
    {
        if (!(await TablesAsync(tenant)).Contains(historyTable))
        {
            return [];
        }

        return IsSqlite
            ? await QuerySqliteAsync(tenant, $"SELECT \"MigrationId\" FROM \"{historyTable}\" ORDER BY 1")
            : await QueryPostgresAsync($"SELECT \"MigrationId\" FROM \"{SchemaOf(tenant)}\".\"{historyTable}\" ORDER BY 1");
    }

    /// <summary>Every migration the current build ships for the tenant's contexts, by history table.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ShippedTenantMigrations(IServiceProvider services)
    {
        var shipped = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var registration in services.GetServices<TenantDbContextRegistration>())
        {
            using var context = registration.Create(services, Tenant);
            shipped[registration.MigrationsHistoryTable] = context.Database.GetMigrations().ToList();
        }

        return shipped;
    }

    /// <summary>GETs the sign-in page for its antiforgery token, then posts the e-mail and password.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string path, string email)
    {
        var token = AdminSession.Token(await client.GetStringAsync(path));
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = token,
            ["email"] = email,
            ["password"] = Password,
        }));
    }

    public async ValueTask DisposeAsync()
    {
        if (IsSqlite)
        {
            // The pooled connections of the copied files would otherwise stay open until the process ends.
            SqliteConnection.ClearAllPools();
        }
        else if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left in the temp folder; the next boot cleans /tmp.
        }
    }

    internal void Configure(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.UseSetting("Municipal:DataPath", DataPath);
        builder.UseSetting("Municipal:CreateDemoTenant", "false");
        builder.UseSetting("Municipal:Templates:StrictVariables", "true");
        builder.UseSetting("Municipal:Jobs:RunInBackground", "false");
        builder.UseSetting("Municipal:Forms:ScheduleRetention", "false");
        builder.UseSetting("Municipal:CitizenIdentity", "simulation");
        builder.UseSetting("Municipal:Database:Provider", Provider);
        if (ConnectionString is not null)
        {
            builder.UseSetting("Municipal:Database:ConnectionString", ConnectionString);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// Runs the plain-SQL dump through Npgsql, as psql would: its meta-commands (\restrict...) are psql's, not
    /// SQL, and the dump was made with --inserts because Npgsql cannot feed COPY ... FROM stdin.
    /// </summary>
    private async Task LoadDumpAsync()
    {
        var sql = new StringBuilder();
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(FixtureFolder, "postgresql", "previous-release.sql")))
        {
            if (!line.StartsWith('\\'))
            {
                sql.AppendLine(line);
            }
        }

        // Not pooled: the dump empties the search path of its session.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.ToString(), connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<IReadOnlyList<string>> QuerySqliteAsync(string? tenant, string sql)
    {
        var file = tenant is null ? Path.Combine(DataPath, "host.db") : Path.Combine(DataPath, "tenants", tenant, "tenant.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await ReadStringsAsync(await command.ExecuteReaderAsync());
    }

    private async Task<IReadOnlyList<string>> QueryPostgresAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await ReadStringsAsync(await command.ExecuteReaderAsync());
    }

    private static async Task<IReadOnlyList<string>> ReadStringsAsync(System.Data.Common.DbDataReader reader)
    {
        await using (reader)
        {
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The real host (Program) on a <see cref="PreviousReleaseStorage"/>, through the in-memory test server.</summary>
public sealed class UpgradeApp(PreviousReleaseStorage storage) : WebApplicationFactory<Program>
{
    public HttpClient ClientFor(string host) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}/") });

    /// <summary>Status and body of one GET, for assertions that show both when they fail.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string host, string path)
    {
        var response = await ClientFor(host).GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => storage.Configure(builder);
}
