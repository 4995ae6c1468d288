using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Municipal.Core;
using Municipal.Web;
using Municipal.Web.HostApi;

namespace Municipal.Bench.Tenants;

/// <summary>
/// The web host built exactly as src/Municipal.Web/Program.cs builds it for serving (AddMunicipal with
/// HostModules.All, migrations, UseMunicipal, MapHostApi, MapMunicipal), on Kestrel at 127.0.0.1 on a free
/// port, in this process, with a data folder of its own. The password hasher is wrapped to be timed.
/// </summary>
internal static class BenchHost
{
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(BenchOptions options, string dataPath, HashClock hashClock, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            // The (empty) data folder as content root: no appsettings.json of a developer's machine is read.
            ContentRootPath = dataPath,
            EnvironmentName = Environments.Production,
        });

        var settings = new Dictionary<string, string?>
        {
            ["Municipal:DataPath"] = dataPath,
            ["Municipal:CreateDemoTenant"] = "false",
            ["Municipal:Database:Provider"] = options.IsPostgres ? "PostgreSql" : "Sqlite",
            ["Municipal:Database:ConnectionString"] = options.Connection,
            ["Logging:LogLevel:Default"] = "Warning",
            ["AllowedHosts"] = "*",
        };
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        // As Program.cs.
        builder.Services.AddMunicipal(builder.Configuration, HostModules.All());
        builder.Services.AddProblemDetails();

        // The one addition: the host's password hasher, wrapped to be timed (it hashes exactly as before).
        var hasher = builder.Services.Single(d => d.ServiceType == typeof(IPasswordHasher<IdentityUser>));
        var hasherType = hasher.ImplementationType ?? throw new InvalidOperationException("The password hasher is not registered by type.");
        builder.Services.Replace(new ServiceDescriptor(
            typeof(IPasswordHasher<IdentityUser>),
            provider => new TimedPasswordHasher((IPasswordHasher<IdentityUser>)ActivatorUtilities.CreateInstance(provider, hasherType), hashClock),
            hasher.Lifetime));

        var app = builder.Build();
        await MunicipalStartup.MigrateAsync(app.Services, cancellationToken);
        await FirstRun.EnsureDemoTenantAsync(app); // returns at once: CreateDemoTenant is false
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
