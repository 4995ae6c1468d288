using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Municipal.Web.Tests.Cli;

/// <summary>
/// The first run on an empty machine creates the demo municipality and prints the address of its public site: that
/// address must open the site, whatever address the server was told to listen on.
/// </summary>
public sealed partial class FirstRunTests
{
    [Fact]
    public async Task The_printed_public_site_answers_when_the_server_listens_on_127_0_0_1()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "municipal-tests", Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Municipal.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Municipal__DataPath"] = dataPath;
        start.Environment["Municipal__Database__Provider"] = "Sqlite";
        start.Environment["Municipal__CreateDemoTenant"] = "true";
        using var process = Process.Start(start)!;
        try
        {
            var site = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null && SitePattern().Match(e.Data) is { Success: true } match)
                {
                    site.TrySetResult(match.Groups[1].Value);
                }

                if (e.Data?.Contains("Now listening on", StringComparison.Ordinal) == true)
                {
                    listening.TrySetResult();
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await Task.WhenAll(site.Task, listening.Task).WaitAsync(timeout.Token);

            var address = new Uri(await site.Task);
            Assert.Equal($"http://localhost:{port}/", address.ToString());
            using var client = new HttpClient();
            var response = await client.GetAsync(address, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Commune de Valmont", await response.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(null, "http://localhost:5000/")]
    [InlineData("http://127.0.0.1:8123", "http://localhost:8123/")]
    [InlineData("http://0.0.0.0:8080;https://0.0.0.0:8443", "http://localhost:8080/")]
    [InlineData("http://*:80", "http://localhost/")]
    [InlineData("https://[::]:8443", "https://localhost:8443/")]
    [InlineData("http://+", "http://localhost/")]
    public void The_printed_address_keeps_the_scheme_and_port_on_a_host_of_the_demo(string? urls, string expected) =>
        Assert.Equal(expected, FirstRun.SiteAddress(urls));

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"Site public : (\S+)")]
    private static partial Regex SitePattern();
}
