namespace Municipal.Core;

/// <summary>What runs before the host answers: host database and every tenant's database migrated in place.</summary>
public static class MunicipalStartup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MunicipalOptions>>().Value;
        var logger = services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("Municipal.Startup");
        OpenFileLimit.WarnIfTooLow(logger, options.Database.Provider, options.MaxActiveTenants);
        await services.GetRequiredService<HostDatabase>().MigrateAsync(cancellationToken);
        var registry = services.GetRequiredService<TenantRegistry>();
        var storage = services.GetRequiredService<TenantStorage>();
        var lookup = await registry.GetLookupAsync(cancellationToken);
        foreach (var tenant in lookup.All.Where(t => t.State != TenantState.Uninitialized))
        {
            await storage.MigrateAsync(tenant.Name, cancellationToken);
            storage.Release(tenant.Name);
        }
    }
}
