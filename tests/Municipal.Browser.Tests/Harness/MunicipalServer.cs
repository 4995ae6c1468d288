using System.Net;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Municipal.Core.Tenancy;
using Xunit;

namespace Municipal.Browser.Tests.Harness;

/// <summary>
/// One running host on Kestrel (127.0.0.1, a free port) with a fresh data folder, and one headless Chromium,
/// shared by the test classes of the <see cref="BrowserCollection"/>. Each test class provisions its own tenants.
/// </summary>
public sealed class MunicipalServer : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Debian's Chromium: no browser is downloaded for the tests.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "municipal-browser-" + Guid.NewGuid().ToString("N"));
    private readonly MunicipalAppFactory factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private bool disposed;

    public MunicipalServer()
    {
        Directory.CreateDirectory(dataPath);
        Port = FreePort();
        factory = new MunicipalAppFactory(dataPath, HostApiKey, Port);
    }

    public string HostApiKey { get; } = "browser-tests-" + RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>The host's services, for tests that prepare data (users, content) as the application itself would.</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>
    /// The port Kestrel listens on, chosen before the host starts: the links the host writes (sitemap, feeds, mails)
    /// take their port from its settings (Municipal:PublicPort), never from the request.
    /// </summary>
    public int Port { get; }

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");


    public async Task InitializeAsync()
    {
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
        factory.StartServer();

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium).");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
    }

    /// <summary>
    /// Provisions a tenant from a recipe, with a unique name and the host &lt;name&gt;.localhost
    /// (Chromium resolves every *.localhost name to the loopback address).
    /// </summary>
    public async Task<TestTenant> CreateTenantAsync(string prefix, string displayName, string recipe)
    {
        var name = $"{prefix}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        var host = $"{name}.localhost";
        var provisioner = factory.Services.GetRequiredService<TenantProvisioner>();
        var adminEmail = $"admin@{host}";
        var adminPassword = "browser-tests-" + Guid.NewGuid().ToString("N");
        await provisioner.CreateAsync(
            new CreateTenantRequest(name, displayName, [host], PathPrefix: null, recipe, adminEmail, adminPassword),
            recipeMayBePath: false,
            CancellationToken.None);
        return new TestTenant(name, displayName, host, SiteUrl(host), adminEmail, adminPassword);
    }

    /// <summary>Creates an operator of the host administration (/host) through DI, as the command line does.</summary>
    public async Task<(string Email, string Password)> CreateOperatorAsync()
    {
        var email = $"operateur-{RandomNumberGenerator.GetHexString(8, lowercase: true)}@region.localhost";
        var password = "browser-tests-" + Guid.NewGuid().ToString("N");
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Municipal.Web.HostAdmin.OperatorAccounts>().CreateAsync(email, password);
        return (email, password);
    }

    /// <summary>The root URL of any host name served by this server, known to a tenant or not.</summary>
    public Uri SiteUrl(string host) => new($"http://{host}:{Port}/");

    /// <summary>A fresh browser context (cookies, storage), French like the sites it visits.</summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "fr-BE",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
        });
        // A wait limit, not a speed goal: on 2 shared cores a first render (JIT) plus axe can take seconds.
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(45_000);
        return context;
    }

    // xunit calls IAsyncLifetime.DisposeAsync; IAsyncDisposable is there for the factory's ownership, and both end here once.
    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    /// <summary>A port free on the loopback now (the system's pick, released at once for Kestrel to take).</summary>
    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}

/// <summary>A tenant provisioned for a test class.</summary>
/// <remarks>Its administrator signs in to the back office with <see cref="AdminEmail"/> and <see cref="AdminPassword"/>.</remarks>
public sealed record TestTenant(string Name, string DisplayName, string Host, Uri BaseUrl, string AdminEmail, string AdminPassword)
{
    /// <summary>An absolute URL of this tenant's site, from a site path such as "/contact".</summary>
    public string Url(string path) => new Uri(BaseUrl, path).ToString();
}
