using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Tenancy;
using Municipal.Web.Cli;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Cli;

/// <summary>The "tenants" verbs of the executable, as the regional operator types them.</summary>
public sealed class TenantsCommandTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task Create_prints_the_one_time_password_and_the_tenant_answers_on_its_host()
    {
        var name = fixture.NewTenantName("cli");

        var (code, output, error) = await RunAsync("tenants", "create", name, "--host", $"{name}.localhost", "--recipe", "municipality", "--display-name", "Commune de Theux", "--admin-email", $"admin@{name}.localhost");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Matches("Mot de passe à usage unique : \\S{20}", output);
        Assert.Contains("Commune de Theux", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x", "slug")]
    [InlineData("Namur", "slug")]
    public async Task A_bad_name_fails_with_exit_code_1_and_a_one_line_reason(string name, string expected)
    {
        var (code, output, error) = await RunAsync("tenants", "create", name, "--host", "x.localhost", "--recipe", "municipality", "--display-name", "X", "--admin-email", "a@b.be");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_without_yes_is_refused_and_keeps_the_tenant()
    {
        var name = fixture.NewTenantName("keep");
        await fixture.CreateTenantAsync(name);

        var (code, _, error) = await RunAsync("tenants", "delete", name);

        Assert.Equal(2, code);
        Assert.Contains("--yes", error, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(fixture.TenantsFolder, name)));
    }

    [Fact]
    public async Task List_json_disable_enable_apply_recipe_and_delete()
    {
        var name = fixture.NewTenantName("cycle");
        await fixture.CreateTenantAsync(name);

        Assert.Equal(0, (await RunAsync("tenants", "disable", name)).Code);
        var list = JsonDocument.Parse((await RunAsync("tenants", "list", "--json")).Output);
        var row = list.RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);
        Assert.Equal("Disabled", row.GetProperty("state").GetString());
        Assert.Equal(0, (await RunAsync("tenants", "enable", name)).Code);
        Assert.Equal(0, (await RunAsync("tenants", "apply-recipe", name, "municipality")).Code);
        Assert.Equal(0, (await RunAsync("tenants", "apply-recipe", "--all", "municipality")).Code);
        Assert.Equal(0, (await RunAsync("tenants", "delete", name, "--yes")).Code);
        Assert.Equal(1, (await RunAsync("tenants", "delete", name, "--yes")).Code);
    }

    [Fact]
    public async Task An_unknown_verb_or_missing_option_prints_the_usage_with_exit_code_2()
    {
        Assert.Equal(2, (await RunAsync("tenants", "explode")).Code);
        var (code, _, error) = await RunAsync("tenants", "create", "x", "--host", "x.localhost");
        Assert.Equal(2, code);
        Assert.Contains("Utilisation", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_executable_creates_and_lists_tenants_on_its_own_data_folder()
    {
        var dataPath = Path.Combine(fixture.DataPath, "process");
        var create = await RunProcessAsync(dataPath, "tenants", "create", "herstal", "--host", "herstal.localhost", "--recipe", "municipality", "--display-name", "Herstal", "--admin-email", "admin@herstal.be", "--admin-password", StorageFixture.AdminPassword);
        var list = await RunProcessAsync(dataPath, "tenants", "list");
        var failing = await RunProcessAsync(dataPath, "tenants", "create", "herstal", "--host", "other.localhost", "--recipe", "municipality", "--display-name", "Bis", "--admin-email", "a@b.be");

        Assert.True(create.Code == 0, create.Error);
        Assert.DoesNotContain("Mot de passe", create.Output, StringComparison.Ordinal);
        Assert.Contains("herstal", list.Output, StringComparison.Ordinal);
        Assert.Contains("Running", list.Output, StringComparison.Ordinal);
        Assert.Equal(1, failing.Code);
        Assert.Contains("existe déjà", failing.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dataPath, "tenants", "herstal", "tenant.db")));
    }

    [Fact]
    public async Task Set_url_changes_the_address_of_the_tenants_links_and_refuses_what_is_not_a_plain_web_address()
    {
        var name = fixture.NewTenantName("cli-url");
        await fixture.CreateTenantAsync(name);
        var urls = fixture.App.Services.GetRequiredService<TenantUrls>();
        var registry = fixture.App.Services.GetRequiredService<TenantRegistry>();
        Assert.Equal($"http://{name}.localhost", urls.Root((await registry.FindAsync(name))!));

        Assert.Equal(0, (await RunAsync("tenants", "set-url", name, "https://www.commune.example:8443/")).Code);
        Assert.Equal("https://www.commune.example:8443", urls.Root((await registry.FindAsync(name))!));

        Assert.Equal(1, (await RunAsync("tenants", "set-url", name, "javascript:alert(1)")).Code);
        Assert.Equal(1, (await RunAsync("tenants", "set-url", name, "https://www.commune.example/?x=1")).Code);
        Assert.Equal(1, (await RunAsync("tenants", "set-url", "inconnu", "https://www.commune.example")).Code);
        Assert.Equal("https://www.commune.example:8443", urls.Root((await registry.FindAsync(name))!));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TenantsCommand.RunAsync(fixture.App.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
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
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
