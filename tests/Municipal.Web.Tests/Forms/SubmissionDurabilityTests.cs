using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// "A citizen who got a tracking code has a stored request, even if the process is killed the next millisecond":
/// the real host runs as its own process on an SQLite data folder, clients post requests through the API, the
/// process is killed (SIGKILL, no shutdown) while requests are in flight, and after a restart every acknowledged
/// code is found.
/// </summary>
public sealed class SubmissionDurabilityTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "municipal-kill-" + Guid.NewGuid().ToString("N"));

    public SubmissionDurabilityTests() => Directory.CreateDirectory(_data);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the killed process's last moments: the temp folder is swept anyway.
        }
    }

    [Fact]
    public async Task Every_acknowledged_request_survives_a_kill_of_the_process()
    {
        var port = FreePort();
        var acknowledged = new ConcurrentBag<string>();
        using (var host = await StartHostAsync(port))
        {
            using var client = Client(port);
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.PostAsJsonAsync("/api/forms/certificat-de-residence/submissions", Body($"w{w}-{i}"));
                    }
                    catch (HttpRequestException)
                    {
                        // The process died under this request: it was never acknowledged.
                        return;
                    }

                    using (response)
                    {
                        Assert.True(response.StatusCode == HttpStatusCode.Created, $"réponse inattendue {(int)response.StatusCode}");
                        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                        acknowledged.Add(answer.GetProperty("trackingCode").GetString()!);
                    }
                }
            })).ToList();

            // Kill while requests are in flight, once a good number were acknowledged.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 40 && DateTime.UtcNow < deadline && !writers.Any(w => w.IsFaulted))
            {
                await Task.Delay(20);
            }

            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            await Task.WhenAll(writers);
        }

        Assert.False(acknowledged.IsEmpty, "aucune demande n'a été acceptée avant l'arrêt brutal");
        using (var restarted = await StartHostAsync(port))
        {
            using var client = Client(port);
            foreach (var code in acknowledged)
            {
                using var response = await client.GetAsync($"/api/submissions/{code}?email=durable%40exemple.be");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"la demande {code} acceptée avant l'arrêt est introuvable ({(int)response.StatusCode})");
            }

            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }
    }

    private static object Body(string name) => new
    {
        email = "durable@exemple.be",
        values = new Dictionary<string, object>
        {
            ["nom"] = "Durable " + name,
            ["prenom"] = "Marie",
            ["numeroNational"] = "85.07.30-033.28",
            ["type"] = "residence",
            ["usage"] = "belgique",
            ["exemplaires"] = 1,
            ["envoi"] = "email",
            ["consentement"] = true,
        },
    };

    private static HttpClient Client(int port) => new()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        DefaultRequestHeaders = { Host = "demo.localhost" },
        Timeout = TimeSpan.FromSeconds(30),
    };

    private async Task<Process> StartHostAsync(int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = WebOutputFolder(), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(WebOutputFolder(), "Municipal.Web.dll"));
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Municipal__DataPath"] = _data;
        start.Environment["Municipal__CreateDemoTenant"] = "true";
        start.Environment["Municipal__SubmissionsPerMinutePerIp"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet n'a pas démarré");

        // Drain the output so that a full pipe never blocks the host.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = Client(port);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"le serveur s'est arrêté au démarrage (code {(process.HasExited ? process.ExitCode : 0)})");
            try
            {
                using var response = await client.GetAsync("/api/forms/certificat-de-residence");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("le serveur n'a pas répondu en 2 minutes");
    }

    /// <summary>The host's own build output (src/Municipal.Web/bin/&lt;configuration&gt;/&lt;framework&gt;), of the same configuration as these tests.</summary>
    private static string WebOutputFolder()
    {
        var testsOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testsOutput.Name;
        var configuration = testsOutput.Parent!.Name;
        var root = testsOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Municipal.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new InvalidOperationException("Municipal.sln introuvable"), "src", "Municipal.Web", "bin", configuration, framework);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
