namespace Municipal.Core.Recipes;

/// <summary>What a step sees while it runs: the tenant, its scoped services and the features being decided.</summary>
public sealed class RecipeExecutionContext(Tenant tenant, IServiceProvider services, ISet<string> features)
{
    public Tenant Tenant { get; } = tenant;

    /// <summary>Services of a scope whose <see cref="TenantContext"/> is this tenant.</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>The tenant's enabled features; written to the registry when the recipe succeeds.</summary>
    public ISet<string> Features { get; } = features;

    public TimeProvider Clock => (TimeProvider?)Services.GetService(typeof(TimeProvider))
        ?? throw new InvalidOperationException("No TimeProvider is registered.");
}
