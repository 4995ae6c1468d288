using System.Text.Json;

namespace Municipal.Web.Cli;

/// <summary>
/// "tenants ..." verbs on the same executable as the web host. Exit code 0 on success; 1 with a one-line reason
/// on failure; 2 for a command line that cannot be understood.
/// </summary>
public static class TenantsCommand
{
    public static string Usage => HostText.Get("CliTenantsUsage");

    private static readonly JsonSerializerOptions JsonOutput = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        CommandLine line;
        try
        {
            line = CommandLine.Parse(args.Skip(1).ToArray());
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync(HostText.Format("CliError", ex.Message));
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var provisioner = services.GetRequiredService<TenantProvisioner>();
        try
        {
            return line.Verb switch
            {
                "create" => await CreateAsync(provisioner, line, output),
                "list" => await ListAsync(services.GetRequiredService<TenantRegistry>(), line, output),
                "disable" => await SimpleAsync(line, output, "CliTenantDisabled", name => provisioner.DisableAsync(name, CancellationToken.None)),
                "enable" => await SimpleAsync(line, output, "CliTenantEnabled", name => provisioner.EnableAsync(name, CancellationToken.None)),
                "apply-recipe" => await ApplyRecipeAsync(provisioner, line, output, error),
                "delete" => await DeleteAsync(provisioner, line, output),
                "set-url" => await SetUrlAsync(provisioner, line, output),
                _ => throw new FormatException(HostText.Format("CliErrorUnknownVerb", line.Verb)),
            };
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync(HostText.Format("CliError", ex.Message));
            await error.WriteLineAsync(Usage);
            return 2;
        }
        catch (Exception ex) when (ex is TenantRequestException or RecipeException)
        {
            await error.WriteLineAsync(HostText.Format("CliError", OneLine(ex.Message)));
            return 1;
        }
    }

    private static async Task<int> SetUrlAsync(TenantProvisioner provisioner, CommandLine line, TextWriter output)
    {
        var name = line.Positional(0, HostText.Get("CliTenantName"));
        var address = line.Positional(1, HostText.Get("CliAddress"));
        await provisioner.SetPublicUrlAsync(name, address, CancellationToken.None);
        await output.WriteLineAsync(HostText.Format("CliTenantUrlSet", name, TenantUrls.Normalize(address)));
        return 0;
    }

    private static async Task<int> CreateAsync(TenantProvisioner provisioner, CommandLine line, TextWriter output)
    {
        var name = line.Positional(0, HostText.Get("CliTenantName"));
        var request = new CreateTenantRequest(
            name,
            line.Required("display-name"),
            line.All("host"),
            line.Optional("prefix"),
            line.Required("recipe"),
            line.Required("admin-email"),
            line.Optional("admin-password"));
        var created = await provisioner.CreateAsync(request, recipeMayBePath: true, CancellationToken.None);
        await output.WriteLineAsync(HostText.Format("CliTenantCreated", created.Tenant.Name, created.Tenant.DisplayName));
        foreach (var host in created.Tenant.Hosts)
        {
            await output.WriteLineAsync(HostText.Format("CliTenantHost", host));
        }

        if (created.Tenant.PathPrefix is not null)
        {
            await output.WriteLineAsync(HostText.Format("CliTenantPrefix", created.Tenant.PathPrefix));
        }

        await output.WriteLineAsync(HostText.Format("CliTenantAdmin", created.AdminEmail));
        if (created.GeneratedPassword is not null)
        {
            await output.WriteLineAsync(HostText.Format("CliOneTimePassword", created.GeneratedPassword));
        }

        return 0;
    }

    private static async Task<int> ListAsync(TenantRegistry registry, CommandLine line, TextWriter output)
    {
        registry.Invalidate();
        var tenants = (await registry.GetLookupAsync()).All.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (line.Flag("json"))
        {
            var rows = tenants.Select(t => new { t.Name, t.DisplayName, State = t.State.ToString(), t.Hosts, t.PathPrefix, t.PublicUrl, Features = t.Features.Order(StringComparer.Ordinal) });
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOutput));
            return 0;
        }

        foreach (var t in tenants)
        {
            var where = string.Join(", ", t.Hosts.Concat(t.PathPrefix is null ? [] : ["/" + t.PathPrefix]));
            await output.WriteLineAsync($"{t.Name,-24} {t.State,-14} {where}  {CoreText.Format("QuotedText", t.DisplayName)}");
        }

        return 0;
    }

    private static async Task<int> SimpleAsync(CommandLine line, TextWriter output, string doneKey, Func<string, Task> action)
    {
        var name = line.Positional(0, HostText.Get("CliTenantName"));
        await action(name);
        await output.WriteLineAsync(HostText.Format(doneKey, name));
        return 0;
    }

    private static async Task<int> ApplyRecipeAsync(TenantProvisioner provisioner, CommandLine line, TextWriter output, TextWriter error)
    {
        if (line.Flag("all"))
        {
            var recipe = line.Positional(0, HostText.Get("CliRecipe"));
            var results = await provisioner.ApplyRecipeToAllAsync(recipe, recipeMayBePath: true, CancellationToken.None);
            foreach (var (tenant, problem) in results)
            {
                await (problem is null ? output.WriteLineAsync(HostText.Format("CliRecipeAppliedTo", tenant)) : error.WriteLineAsync(HostText.Format("CliRecipeFailedFor", tenant, OneLine(problem))));
            }

            var failed = results.Count(r => r.Error is not null);
            await output.WriteLineAsync(HostText.Format("CliRecipeAppliedAll", results.Count - failed, failed));
            return failed == 0 ? 0 : 1;
        }

        var name = line.Positional(0, HostText.Get("CliTenantName"));
        var recipeName = line.Positional(1, HostText.Get("CliRecipe"));
        await provisioner.ApplyRecipeAsync(name, recipeName, recipeMayBePath: true, CancellationToken.None);
        await output.WriteLineAsync(HostText.Format("CliRecipeApplied", recipeName, name));
        return 0;
    }

    private static async Task<int> DeleteAsync(TenantProvisioner provisioner, CommandLine line, TextWriter output)
    {
        var name = line.Positional(0, HostText.Get("CliTenantName"));
        if (!line.Flag("yes"))
        {
            throw new FormatException(HostText.Get("CliDeleteConfirm"));
        }

        await provisioner.DeleteAsync(name, CancellationToken.None);
        await output.WriteLineAsync(HostText.Format("CliTenantDeleted", name));
        return 0;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
