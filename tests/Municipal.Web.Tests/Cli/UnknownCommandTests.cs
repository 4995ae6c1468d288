using System.Diagnostics;
using System.Text;
using Municipal.Web.Cli;

namespace Municipal.Web.Tests.Cli;

/// <summary>
/// A mistyped verb ("tenant list", "search rebuild") must be refused with exit code 2 and the list of verbs,
/// not start the web server on the operator's terminal (or, from a script, on a port nobody meant to open).
/// </summary>
public sealed class UnknownCommandTests
{
    [Theory]
    [InlineData("tenant", "list")]
    [InlineData("search", "rebuild")]
    [InlineData("--urls", "http://127.0.0.1:0", "tenants-list")]
    [InlineData("--urls")]
    public async Task An_unknown_verb_exits_with_code_2_and_the_usage_and_starts_nothing(params string[] args)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "municipal-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, error) = await RunProcessAsync(dataPath, args);

            Assert.Equal(2, code);
            Assert.Empty(output);
            Assert.Contains("Utilisation", error, StringComparison.Ordinal);
            Assert.Contains("tenants", error, StringComparison.Ordinal);
            Assert.Contains("operators", error, StringComparison.Ordinal);
            // Nothing was started: not even the host database was created.
            Assert.False(Directory.Exists(dataPath), "le dossier de données a été créé : l'hôte a démarré");
        }
        finally
        {
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(CommandKind.Server)]
    [InlineData(CommandKind.Server, "--urls", "http://0.0.0.0:8080", "--environment", "Production")]
    [InlineData(CommandKind.Server, "--contentRoot", "/srv/municipal", "--Municipal:DataPath=/var/lib/municipal")]
    [InlineData(CommandKind.Tenants, "tenants", "list")]
    [InlineData(CommandKind.Operators, "operators", "create", "a@b.be")]
    [InlineData(CommandKind.Help, "--help")]
    [InlineData(CommandKind.Unknown, "tenant", "list")]
    [InlineData(CommandKind.Unknown, "--urls", "http://0.0.0.0:8080", "tenants")]
    [InlineData(CommandKind.Unknown, "--", "tenants")]
    [InlineData(CommandKind.Unknown, "-urls", "http://0.0.0.0:8080")]
    public void Only_configuration_switches_start_the_server(CommandKind expected, params string[] args) =>
        Assert.Equal(expected, Commands.Classify(args));

    [Fact]
    public async Task The_known_verbs_still_run()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "municipal-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var operators = await RunProcessAsync(dataPath, "operators", "create", "operateur@region.be", "--password", "mot-de-passe-de-test-42");
            var tenants = await RunProcessAsync(dataPath, "tenants", "list");
            var help = await RunProcessAsync(dataPath, "--help");

            Assert.True(operators.Code == 0, operators.Error);
            Assert.Contains("operateur@region.be", operators.Output, StringComparison.Ordinal);
            Assert.True(tenants.Code == 0, tenants.Error);
            Assert.Equal(0, help.Code);
            Assert.Contains("tenants list", help.Output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunProcessAsync(string dataPath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Municipal.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Municipal__DataPath"] = dataPath;
        start.Environment["Municipal__Database__Provider"] = "Sqlite";
        start.Environment["Municipal__CreateDemoTenant"] = "false";
        // Should the server start after all, it takes a free port rather than one another process uses.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var listening = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            // The web server announces its address: the command line was not understood as a command.
            if (e.Data.Contains("Now listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exited = process.WaitForExitAsync(timeout.Token);
        if (await Task.WhenAny(exited, listening.Task) != exited || exited.IsCanceled)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"« {string.Join(' ', args)} » ne s'est pas terminé : le serveur web a démarré.\n{output}");
        }

        // The last lines of standard output are delivered after the exit; WaitForExit() without a timeout waits for them.
        await process.WaitForExitAsync();
        string printed;
        lock (output)
        {
            printed = output.ToString();
        }

        return (process.ExitCode, printed, await error);
    }
}
