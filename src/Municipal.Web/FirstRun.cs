namespace Municipal.Web;

/// <summary>
/// On an empty machine, the demo municipality is created so the first run shows a site; before it, the tourist
/// office whose shared events the demo's agenda relays (a source tenant without a public site).
/// </summary>
public static class FirstRun
{
    public const string DemoTenant = "demo";

    public const string TourismTenant = "tourisme";

    public static async Task EnsureDemoTenantAsync(WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<MunicipalOptions>>().Value.CreateDemoTenant)
        {
            return;
        }

        var lookup = await app.Services.GetRequiredService<TenantRegistry>().GetLookupAsync();
        if (lookup.All.Count > 0)
        {
            return;
        }

        var provisioner = app.Services.GetRequiredService<TenantProvisioner>();
        await provisioner.CreateAsync(
            new CreateTenantRequest(TourismTenant, HostText.Get("FirstRunTourismName"), ["tourisme.localhost"], null, "tourism-office", "admin@tourisme.localhost"),
            recipeMayBePath: false,
            CancellationToken.None);
        var created = await provisioner.CreateAsync(
            new CreateTenantRequest(DemoTenant, HostText.Get("FirstRunDemoName"), ["localhost", "demo.localhost"], null, "demo", "admin@demo.localhost"),
            recipeMayBePath: false,
            CancellationToken.None);

        var site = SiteAddress(app.Configuration["Urls"]);
        Console.WriteLine(HostText.Format("FirstRunBanner", created.Tenant.DisplayName, site, site.Replace("://localhost", "://demo.localhost", StringComparison.Ordinal), created.AdminEmail, created.GeneratedPassword ?? string.Empty));
    }

    /// <summary>
    /// The address to print for the demo site: the scheme and port of the first address the server listens on, with
    /// the host "localhost", one of the demo's hosts. The listening address itself (127.0.0.1, 0.0.0.0, *) is no
    /// tenant's host, so it answered 404.
    /// </summary>
    public static string SiteAddress(string? urls)
    {
        var first = (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var match = first is null ? null : System.Text.RegularExpressions.Regex.Match(first, @"^(?<scheme>https?)://(?:\[[^\]]*\]|[^:/]*)(?::(?<port>\d+))?", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (match is not { Success: true })
        {
            return "http://localhost:5000/";
        }

        var scheme = match.Groups["scheme"].Value.ToLowerInvariant();
        var port = match.Groups["port"].Success ? match.Groups["port"].Value : scheme == "https" ? "443" : "80";
        var defaultPort = scheme == "https" ? "443" : "80";
        return port == defaultPort ? $"{scheme}://localhost/" : $"{scheme}://localhost:{port}/";
    }
}
