using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Municipal.Core;
using Municipal.Web;
using Municipal.Web.HostApi;

namespace Municipal.Bench.Agenda;

/// <summary>
/// The web host built as src/Municipal.Web/Program.cs builds it (AddMunicipal with HostModules.All, migrations,
/// UseMunicipal, MapHostApi, MapMunicipal), on Kestrel at 127.0.0.1 on a free port, in this process, with a data
/// folder of its own. One setting is added: the output cache's bypass header, so that "uncached" requests measure the
/// engine (a citizen's request goes through the cache; the bench's timed ones do not).
/// </summary>
internal static class BenchHost
{
    public const string BypassHeader = "X-Bench-No-Cache";

    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(string dataPath, string? postgresConnection, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = dataPath,
            EnvironmentName = Environments.Production,
        });

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Municipal:DataPath"] = dataPath,
            ["Municipal:CreateDemoTenant"] = "false",
            ["Municipal:Database:Provider"] = postgresConnection is null ? "Sqlite" : "PostgreSql",
            ["Municipal:Database:ConnectionString"] = postgresConnection,
            ["Municipal:OutputCache:BypassHeader"] = BypassHeader,
            ["Logging:LogLevel:Default"] = "Warning",
            ["AllowedHosts"] = "*",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddMunicipal(builder.Configuration, HostModules.All());
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        await MunicipalStartup.MigrateAsync(app.Services, cancellationToken);
        app.UseMunicipal();
        app.MapHostApi();
        app.MapMunicipal();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        var baseAddress = new Uri(address.TrimEnd('/') + "/");
        if (!IPAddress.TryParse(baseAddress.Host, out var ip) || !IPAddress.IsLoopback(ip))
        {
            throw new InvalidOperationException($"Kestrel listens on {baseAddress}, not on loopback.");
        }

        return (app, baseAddress);
    }
}
