using System.Text.Json;
using Municipal.Core.Recipes;
using Municipal.Core.Tenancy;

namespace Municipal.Web.Cli;

/// <summary>
/// "tenants ..." verbs on the same executable as the web host. Exit code 0 on success; 1 with a one-line reason
/// on failure; 2 for a command line that cannot be understood.
/// </summary>
public static class TenantsCommand
{
    public const string Usage = """
        Utilisation :
          tenants create <nom> --host <hôte> [--host <hôte>...] [--prefix <préfixe>] --recipe <nom-ou-chemin> --display-name "<texte>" --admin-email <e-mail> [--admin-password <mot de passe>]
          tenants list [--json]
          tenants disable <nom>
          tenants enable <nom>
          tenants set-url <nom> <adresse>      (adresse des liens des e-mails et flux, ex. https://www.commune.be)
          tenants apply-recipe (<nom> | --all) <recette>
          tenants delete <nom> --yes
        """;

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
            await error.WriteLineAsync($"Erreur : {ex.Message}");
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
                "disable" => await SimpleAsync(line, output, "désactivé", name => provisioner.DisableAsync(name, CancellationToken.None)),
                "enable" => await SimpleAsync(line, output, "activé", name => provisioner.EnableAsync(name, CancellationToken.None)),
                "apply-recipe" => await ApplyRecipeAsync(provisioner, line, output, error),
                "delete" => await DeleteAsync(provisioner, line, output),
                "set-url" => await SetUrlAsync(provisioner, line, output),
                _ => throw new FormatException($"verbe inconnu « {line.Verb} »."),
            };
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync($"Erreur : {ex.Message}");
            await error.WriteLineAsync(Usage);
            return 2;
        }
        catch (Exception ex) when (ex is TenantRequestException or RecipeException)
        {
            await error.WriteLineAsync($"Erreur : {OneLine(ex.Message)}");
            return 1;
        }
    }

    private static async Task<int> SetUrlAsync(TenantProvisioner provisioner, CommandLine line, TextWriter output)
    {
        var name = line.Positional(0, "nom du tenant");
        var address = line.Positional(1, "adresse");
        await provisioner.SetPublicUrlAsync(name, address, CancellationToken.None);
        await output.WriteLineAsync($"Tenant « {name} » : les liens partent désormais de {TenantUrls.Normalize(address)}");
        return 0;
    }

    private static async Task<int> CreateAsync(TenantProvisioner provisioner, CommandLine line, TextWriter output)
    {
        var name = line.Positional(0, "nom du tenant");
        var request = new CreateTenantRequest(
            name,
            line.Required("display-name"),
            line.All("host"),
            line.Optional("prefix"),
            line.Required("recipe"),
            line.Required("admin-email"),
            line.Optional("admin-password"));
        var created = await provisioner.CreateAsync(request, recipeMayBePath: true, CancellationToken.None);
        await output.WriteLineAsync($"Tenant « {created.Tenant.Name} » créé ({created.Tenant.DisplayName}).");
        foreach (var host in created.Tenant.Hosts)
        {
            await output.WriteLineAsync($"  Hôte : {host}");
        }

        if (created.Tenant.PathPrefix is not null)
        {
            await output.WriteLineAsync($"  Préfixe : /{created.Tenant.PathPrefix}");
        }

        await output.WriteLineAsync($"  Administrateur : {created.AdminEmail}");
        if (created.GeneratedPassword is not null)
        {
            await output.WriteLineAsync($"  Mot de passe à usage unique : {created.GeneratedPassword}");
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
            await output.WriteLineAsync($"{t.Name,-24} {t.State,-14} {where}  « {t.DisplayName} »");
        }

        return 0;
    }

    private static async Task<int> SimpleAsync(CommandLine line, TextWriter output, string done, Func<string, Task> action)
    {
        var name = line.Positional(0, "nom du tenant");
        await action(name);
        await output.WriteLineAsync($"Tenant « {name} » {done}.");
        return 0;
    }

    private static async Task<int> ApplyRecipeAsync(TenantProvisioner provisioner, CommandLine line, TextWriter output, TextWriter error)
    {
        if (line.Flag("all"))
        {
            var recipe = line.Positional(0, "recette");
            var results = await provisioner.ApplyRecipeToAllAsync(recipe, recipeMayBePath: true, CancellationToken.None);
            foreach (var (tenant, problem) in results)
            {
                await (problem is null ? output.WriteLineAsync($"{tenant} : appliquée") : error.WriteLineAsync($"{tenant} : échec – {OneLine(problem)}"));
            }

            var failed = results.Count(r => r.Error is not null);
            await output.WriteLineAsync($"Recette appliquée à {results.Count - failed} tenant(s), {failed} échec(s).");
            return failed == 0 ? 0 : 1;
        }

        var name = line.Positional(0, "nom du tenant");
        var recipeName = line.Positional(1, "recette");
        await provisioner.ApplyRecipeAsync(name, recipeName, recipeMayBePath: true, CancellationToken.None);
        await output.WriteLineAsync($"Recette « {recipeName} » appliquée au tenant « {name} ».");
        return 0;
    }

    private static async Task<int> DeleteAsync(TenantProvisioner provisioner, CommandLine line, TextWriter output)
    {
        var name = line.Positional(0, "nom du tenant");
        if (!line.Flag("yes"))
        {
            throw new FormatException("la suppression efface toutes les données du tenant : confirmez avec --yes.");
        }

        await provisioner.DeleteAsync(name, CancellationToken.None);
        await output.WriteLineAsync($"Tenant « {name} » supprimé.");
        return 0;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
