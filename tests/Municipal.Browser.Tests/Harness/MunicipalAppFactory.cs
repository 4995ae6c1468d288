using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Municipal.Browser.Tests.Harness;

/// <summary>
/// The real host, configured for tests: its own data folder, no demo tenant, a host API key.
/// Kestrel is switched on by <see cref="MunicipalServer"/>, so a real browser can reach it.
/// </summary>
public sealed class MunicipalAppFactory(string dataPath, string hostApiKey) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Municipal:DataPath"] = dataPath,
            ["Municipal:CreateDemoTenant"] = "false",
            ["Municipal:HostApiKey"] = hostApiKey,
        }));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
