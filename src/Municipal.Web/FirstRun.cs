using Microsoft.Extensions.Options;
using Municipal.Core;
using Municipal.Core.Tenancy;

namespace Municipal.Web;

/// <summary>On an empty machine, the demo municipality is created so the first run shows a site.</summary>
public static class FirstRun
{
    public const string DemoTenant = "demo";

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

        var created = await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(DemoTenant, "Commune de Valmont", ["localhost", "demo.localhost"], null, "demo", "admin@demo.localhost"),
            recipeMayBePath: false,
            CancellationToken.None);

        var url = (app.Configuration["Urls"] ?? "http://localhost:5000").Split(';')[0].TrimEnd('/');
        var port = new Uri(url).Port;
        Console.WriteLine($"""

            Municipal : le site de démonstration « {created.Tenant.DisplayName} » est créé.
              Site public : {url}/  (aussi http://demo.localhost:{port}/)
              Administrateur : {created.AdminEmail}
              Mot de passe : {created.GeneratedPassword}   (affiché une seule fois : notez-le)

            """);
    }
}
