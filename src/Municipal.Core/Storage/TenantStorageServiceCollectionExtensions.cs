namespace Municipal.Core.Storage;

/// <summary>A DbContext that lives in every tenant's database, with its own migrations history table.</summary>
public sealed record TenantDbContextRegistration(Type ContextType, string MigrationsHistoryTable, Func<IServiceProvider, string, DbContext> Create);

public static class TenantStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers a tenant-scoped DbContext: resolved in a request it opens the current tenant's database; it is
    /// also migrated when a tenant is created and at start-up. Each module registers its own context this way.
    /// </summary>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services, string migrationsHistoryTable)
        where TContext : DbContext
    {
        services.AddSingleton(new TenantDbContextRegistration(
            typeof(TContext),
            migrationsHistoryTable,
            (provider, tenant) => CreateContext<TContext>(provider, tenant, migrationsHistoryTable)));
        services.AddScoped(provider =>
        {
            var tenant = provider.GetRequiredService<TenantContext>().Tenant;
            return CreateContext<TContext>(provider, tenant.Name, migrationsHistoryTable);
        });
        return services;
    }

    private static TContext CreateContext<TContext>(IServiceProvider provider, string tenantName, string historyTable)
        where TContext : DbContext
    {
        var options = provider.GetRequiredService<DatabaseConfigurator>().TenantOptions<TContext>(tenantName, historyTable);
        return ActivatorUtilities.CreateInstance<TContext>(provider, options);
    }
}
