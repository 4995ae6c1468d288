using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Municipal.Core.Tenancy;
using Npgsql;

namespace Municipal.Web.Tests.Infrastructure;

/// <summary>
/// A fresh data folder (and, for PostgreSQL, a fresh database) per test class, and the app running on it.
/// Another app can be started on the same storage to test what survives a restart.
/// Every app on this storage reads one fake clock, <see cref="Clock"/>, and none polls for due jobs: a test runs
/// them with <c>JobRunner.RunDueAsync</c>, so no host on another clock can take a job early or late.
/// </summary>
public abstract class StorageFixture : IAsyncLifetime
{
    public const string ApiKey = "test-host-api-key-0123456789abcdef0123";
    public const string AdminPassword = "mot-de-passe-de-test-42";

    private int _tenantCounter;

    protected StorageFixture()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "municipal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
    }

    public string DataPath { get; }

    /// <summary>The clock of every app on this storage; it moves only when a test advances it (never backwards).</summary>
    public FakeTimeProvider Clock { get; } = TestClock.New();

    public abstract string Provider { get; }

    public string? ConnectionString { get; protected set; }

    public MunicipalApp App { get; private set; } = null!;

    public string TenantsFolder => Path.Combine(DataPath, "tenants");

    public virtual Task InitializeAsync()
    {
        App = StartApp();
        _ = App.Server; // builds the host: migrations run now, not in the first test
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
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

    public MunicipalApp StartApp(IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null) => new(this, overrides, services);

    /// <summary>A tenant name unique within this class (tests of a class share the app).</summary>
    public string NewTenantName(string stem) => $"{stem}-{Interlocked.Increment(ref _tenantCounter)}";

    public Task<CreatedTenant> CreateTenantAsync(string name, string recipe = "municipality", string? displayName = null, string? prefix = null, bool withHost = true) =>
        App.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(name, displayName ?? $"Commune de {name}", withHost ? [$"{name}.localhost"] : [], prefix, recipe, $"admin@{name}.localhost", AdminPassword),
            recipeMayBePath: true,
            CancellationToken.None);

    /// <summary>A service scope of one tenant, as a request or a job of that tenant would have.</summary>
    public static async Task<AsyncServiceScope> TenantScopeAsync(IServiceProvider services, string tenantName)
    {
        var registry = services.GetRequiredService<TenantRegistry>();
        registry.Invalidate();
        var tenant = await registry.FindAsync(tenantName) ?? throw new InvalidOperationException($"Aucun tenant {tenantName}.");
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return scope;
    }

    /// <summary>The host on which the tenants known by their path prefix answer (Municipal:PublicHost).</summary>
    public const string SharedHost = "shared.localhost";

    public HttpClient ClientFor(string host) =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}/") });

    public virtual Task<bool> SchemaExistsAsync(string tenantName) => Task.FromResult(false);

    internal void Configure(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.UseSetting("Municipal:DataPath", DataPath);
        builder.UseSetting("Municipal:CreateDemoTenant", "false");
        builder.UseSetting("Municipal:HostApiKey", ApiKey);
        // A template reading a member its view model does not have fails the test instead of rendering nothing.
        builder.UseSetting("Municipal:Templates:StrictVariables", "true");
        // Jobs run when a test says so, on this storage's clock, in the host the test drives.
        builder.UseSetting("Municipal:Jobs:RunInBackground", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        // The nightly retention runs are started by the tests that need them, not behind the back of those counting jobs.
        builder.UseSetting("Municipal:Forms:ScheduleRetention", "false");
        builder.UseSetting("Municipal:Database:Provider", Provider);
        // Tests of a class share one app and sign in often; the test of the limit sets a small one of its own.
        builder.UseSetting("Municipal:SignIn:PermitPerMinute", "1000");
        builder.UseSetting("Municipal:SubmissionsPerMinutePerIp", "1000");
        builder.UseSetting("Municipal:PublicWritesPerMinutePerIp", "1000");
        // Tests of a class mail the same citizens often; the tests of the mail throttle set small limits of their own.
        builder.UseSetting("Municipal:CitizenMailsPerRecipientPerHour", "1000");
        builder.UseSetting("Municipal:CitizenMailsPerClientPerHour", "1000");
        // The national authentication service cannot run here: its test double stands in.
        builder.UseSetting("Municipal:CitizenIdentity", "simulation");
        // Links in mails and feeds come from these, never from the request (see TenantUrls); prefix tenants answer on this host only.
        builder.UseSetting("Municipal:PublicScheme", "http");
        builder.UseSetting("Municipal:PublicHost", SharedHost);
        builder.UseSetting("Municipal:PublicPort", "80"); // the default port of http: no port in links, whatever appsettings.json says for the demo
        if (ConnectionString is not null)
        {
            builder.UseSetting("Municipal:Database:ConnectionString", ConnectionString);
        }
    }
}

public sealed class SqliteFixture : StorageFixture
{
    public override string Provider => "Sqlite";
}

/// <summary>A database of its own on the PostgreSQL that build/test.sh starts (MUNICIPAL_TEST_POSTGRES).</summary>
public sealed class PostgresFixture : StorageFixture
{
    private readonly string _database = "municipal_" + Guid.NewGuid().ToString("N")[..12];
    private string? _admin;

    public override string Provider => "PostgreSql";

    public override async Task InitializeAsync()
    {
        _admin = Environment.GetEnvironmentVariable("MUNICIPAL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("MUNICIPAL_TEST_POSTGRES n'est pas défini : lancez les tests par « bash build/test.sh », qui démarre PostgreSQL.");
        await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ToString();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    public override async Task<bool> SchemaExistsAsync(string tenantName)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @n", connection);
        command.Parameters.AddWithValue("n", Core.Storage.DatabaseConfigurator.TenantSchema(tenantName));
        return (long)(await command.ExecuteScalarAsync() ?? 0L) > 0;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
