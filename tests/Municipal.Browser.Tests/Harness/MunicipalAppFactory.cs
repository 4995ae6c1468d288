using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Municipal.Browser.Tests.Harness;

/// <summary>
/// The real host, configured for tests: its own data folder, no demo tenant, a host API key.
/// Kestrel is switched on by <see cref="MunicipalServer"/>, so a real browser can reach it.
/// </summary>
public sealed class MunicipalAppFactory(string dataPath, string hostApiKey, int port) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The address comes from UseKestrel (a free port on 127.0.0.1), not from appsettings.json.
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Municipal:DataPath"] = dataPath,
            ["Municipal:CreateDemoTenant"] = "false",
            ["Municipal:HostApiKey"] = hostApiKey,
            ["Logging:LogLevel:Default"] = "Warning",

            // A template reading a member its view model does not have fails the page instead of rendering nothing.
            ["Municipal:Templates:StrictVariables"] = "true",

            // The tests sign in and submit forms many times a minute from 127.0.0.1, the faster the machine the
            // more: the limits (10 sign-ins, 20 submissions a minute per address) are raised as in the web tests,
            // whose own tests check the limits with small ones.
            ["Municipal:SignIn:PermitPerMinute"] = "1000",
            ["Municipal:SubmissionsPerMinutePerIp"] = "1000",
            ["Municipal:PublicWritesPerMinutePerIp"] = "1000",
            ["Municipal:CitizenMailsPerRecipientPerHour"] = "1000",
            ["Municipal:CitizenMailsPerClientPerHour"] = "1000",

            // The national authentication service cannot run here: its test double stands in.
            ["Municipal:CitizenIdentity"] = "simulation",

            // Absolute links (sitemap, feeds, mails) come from these settings, not from the request: the port Kestrel listens on.
            ["Municipal:PublicScheme"] = "http",
            ["Municipal:PublicPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }
}
