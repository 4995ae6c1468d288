using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Municipal.Core;
using Municipal.Core.Tenancy;
using Municipal.Web;

namespace Municipal.Bench.Timing;

/// <summary>
/// Starts the real host (as Program.cs builds it) on Kestrel at 127.0.0.1 with a fresh SQLite data folder and one
/// tenant, then times, one request at a time and interleaved, POST /admin/mot-de-passe-oublie and a sign-in with a
/// wrong password, for the tenant's administrator's address and for an address without an account. Prints the
/// median, p90 and mean of each. The sign-in limits are raised so that the bench measures the engine, not the limiter;
/// each wrong sign-in comes from its own client address (X-Forwarded-For through a listed loopback proxy), so that
/// the per-account delay of failed sign-ins does not apply.
/// </summary>
internal static partial class BenchProgram
{
    private const string Host = "minuterie.localhost";
    private const string Admin = "admin@minuterie.localhost";
    private const string Unknown = "personne@minuterie.localhost";

    public static async Task<int> Main(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 300;
        var dataPath = Path.Combine(Path.GetTempPath(), "municipal-bench-timing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        try
        {
            var (app, address) = await StartAsync(dataPath);
            await using (app)
            {
                await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
                    new CreateTenantRequest("minuterie", "Minuterie", [Host], null, "municipality", Admin, "un-secret-de-banc-77"), false, CancellationToken.None);
                using var handler = new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
                using var client = new HttpClient(handler) { BaseAddress = address };
                client.DefaultRequestHeaders.Host = Host;

                var forgot = await MeasureAsync(rounds, client, "/admin/mot-de-passe-oublie", email => new() { ["email"] = email });
                var signIn = await MeasureAsync(rounds, client, "/admin/connexion", email => new() { ["email"] = email, ["password"] = "pas-le-bon-mot-de-passe" });
                Console.WriteLine($"{rounds} rounds each, one request at a time, interleaved; times in ms (median / p90 / mean)");
                Console.WriteLine("| request | address with an account | address without |");
                Console.WriteLine("|---|---|---|");
                Console.WriteLine($"| POST /admin/mot-de-passe-oublie | {forgot.Known} | {forgot.Unknown} |");
                Console.WriteLine($"| POST /admin/connexion (wrong password) | {signIn.Known} | {signIn.Unknown} |");
                await app.StopAsync();
            }
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }

        return 0;
    }

    private static async Task<(Figures Known, Figures Unknown)> MeasureAsync(int rounds, HttpClient client, string path, Func<string, Dictionary<string, string>> fields)
    {
        var known = new List<double>();
        var unknown = new List<double>();
        var client4 = 0;
        for (var i = -20; i < rounds; i++)
        {
            foreach (var (email, times) in new[] { (Admin, known), (Unknown, unknown) })
            {
                var page = await client.GetStringAsync(path);
                var form = fields(email);
                form["__jeton"] = TokenPattern().Match(page).Groups[1].Value;
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
                client4++;
                request.Headers.Add("X-Forwarded-For", $"10.{(client4 >> 16) & 255}.{(client4 >> 8) & 255}.{client4 & 255}");
                var watch = Stopwatch.StartNew();
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
                }

                if (i >= 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        return (Figures.Of(known), Figures.Of(unknown));
    }

    private static async Task<(WebApplication App, Uri Address)> StartAsync(string dataPath)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = dataPath, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Municipal:DataPath"] = dataPath,
            ["Municipal:CreateDemoTenant"] = "false",
            ["Municipal:SignIn:PermitPerMinute"] = "1000000",
            ["Municipal:ReverseProxy:KnownProxies:0"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddMunicipal(builder.Configuration, HostModules.All());
        var app = builder.Build();
        await MunicipalStartup.MigrateAsync(app.Services, CancellationToken.None);
        app.UseMunicipal();
        app.MapMunicipal();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    [GeneratedRegex("name=\"__jeton\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed record Figures(double Median, double P90, double Mean)
    {
        public static Figures Of(List<double> times)
        {
            times.Sort();
            return new(times[times.Count / 2], times[(int)(times.Count * 0.9)], times.Average());
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Median:F2} / {P90:F2} / {Mean:F2}");
    }
}
