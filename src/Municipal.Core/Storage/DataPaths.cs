namespace Municipal.Core.Storage;

/// <summary>Absolute paths of the data folder, resolved once from configuration.</summary>
public sealed class DataPaths
{
    public DataPaths(IOptions<MunicipalOptions> options, IHostEnvironment environment)
    {
        Root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataPath));
        // Recipes ship beside the binaries (the web project copies recipes/ into its output).
        Recipes = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, options.Value.RecipesPath));
    }

    public string Root { get; }

    public string Recipes { get; }

    public string HostDatabase => Path.Combine(Root, "host.db");

    public string TenantsRoot => Path.Combine(Root, "tenants");

    /// <summary>The tenant's own folder. The name was validated as a slug, so it cannot leave <see cref="TenantsRoot"/>.</summary>
    public string TenantFolder(string tenantName) => Path.Combine(TenantsRoot, tenantName);

    public string TenantDatabase(string tenantName) => Path.Combine(TenantFolder(tenantName), "tenant.db");
}
