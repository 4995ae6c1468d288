using System.Net;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Municipal.Core;
using Municipal.Core.Tenancy;
using Municipal.Web;
using Municipal.Web.HostApi;

namespace Municipal.Bench.Render;

/// <summary>
/// The real engine, in this process, on Kestrel at 127.0.0.1 (a free port), assembled like Program.cs:
/// AddMunicipal with the host's modules, migrations, UseMunicipal, MapHostApi, MapMunicipal. Release build,
/// Production environment, logging at Warning, a fresh data folder deleted at the end, no demo tenant,
/// and the output cache bypass header set. Two additions for the benchmark, both outside the engine's code:
/// a constant endpoint mapped before MapMunicipal, and a counter of the requests the output cache lets through.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string TenantName = "bench";
    public const string TenantHost = "bench.localhost";
    public const string BypassHeader = "X-Bench-Bypass-Cache";
    public const string ConstantPath = "/__bench/constant";

    private readonly WebApplication app;
    private readonly string dataPath;
    private readonly RequestCounter pastCache;

    private BenchHost(WebApplication app, string dataPath, RequestCounter pastCache, Uri baseAddress)
    {
        this.app = app;
        this.dataPath = dataPath;
        this.pastCache = pastCache;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Requests that went past the output cache middleware, i.e. that the cache did not answer.</summary>
    public long EndpointRequests => Interlocked.Read(ref pastCache.Value);

    public static async Task<BenchHost> StartAsync(CancellationToken cancellationToken)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "municipal-bench-render-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                // The address is a free port on 127.0.0.1 (UseKestrel below), not appsettings.json's Urls; set here,
                // where the web host reads it, so that Kestrel has no other address to warn about.
                Args = ["--urls="],
                EnvironmentName = Environments.Production,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Municipal:DataPath"] = dataPath,
                ["Municipal:CreateDemoTenant"] = "false",
                ["Municipal:OutputCache:BypassHeader"] = BypassHeader,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

            builder.Services.AddMunicipal(builder.Configuration, HostModules.All());
            builder.Services.AddProblemDetails();

            var app = builder.Build();
            await MunicipalStartup.MigrateAsync(app.Services, cancellationToken);

            var pastCache = new RequestCounter();
            app.UseMunicipal();
            // After UseOutputCache: only the requests the cache does not answer get here.
            app.Use((context, next) =>
            {
                Interlocked.Increment(ref pastCache.Value);
                return next(context);
            });
            app.MapHostApi();
            app.MapGet(ConstantPath, () => "ok");
            app.MapMunicipal();

            await app.StartAsync(cancellationToken);
            return new BenchHost(app, dataPath, pastCache, new Uri(app.Urls.Single()));
        }
        catch
        {
            DeleteData(dataPath);
            throw;
        }
    }

    /// <summary>Provisions the tenant "bench" from the demo recipe, with the host bench.localhost.</summary>
    public async Task ProvisionAsync(CancellationToken cancellationToken)
    {
        var provisioner = app.Services.GetRequiredService<TenantProvisioner>();
        await provisioner.CreateAsync(
            new CreateTenantRequest(
                TenantName,
                "Banc d'essai",
                [TenantHost],
                PathPrefix: null,
                Recipe: "demo",
                AdminEmail: "admin@" + TenantHost,
                AdminPassword: "bench-" + RandomNumberGenerator.GetHexString(24, lowercase: true)),
            recipeMayBePath: false,
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            DeleteData(dataPath);
        }
    }

    private static void DeleteData(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private sealed class RequestCounter
    {
        public long Value;
    }
}
