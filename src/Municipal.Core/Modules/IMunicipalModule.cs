namespace Municipal.Core.Modules;

/// <summary>A feature a tenant can enable. Its endpoints answer 404 for tenants that have it off.</summary>
public sealed record FeatureInfo(string Id, string Name, string Description);

/// <summary>
/// A module compiled into the engine. The host lists its modules explicitly; each registers its services and
/// maps its endpoints here, in one place.
/// </summary>
public interface IMunicipalModule
{
    string Name { get; }

    IReadOnlyList<FeatureInfo> Features { get; }

    void ConfigureServices(IServiceCollection services);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

/// <summary>The modules the host loaded, and the features they offer.</summary>
public sealed class ModuleCatalog(IEnumerable<IMunicipalModule> modules)
{
    public IReadOnlyList<IMunicipalModule> Modules { get; } = modules.ToArray();

    public IReadOnlyList<FeatureInfo> Features { get; } = modules.SelectMany(m => m.Features).ToArray();

    public bool IsKnownFeature(string id) => Features.Any(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));
}

public static class ModuleRegistration
{
    /// <summary>
    /// Loads a module: its services now, its endpoints when the host maps the core's. The host's module list calls it
    /// once per module; a test host adds a module of its own the same way.
    /// </summary>
    public static IServiceCollection AddMunicipalModule(this IServiceCollection services, IMunicipalModule module)
    {
        services.AddSingleton(module);
        module.ConfigureServices(services);
        return services;
    }
}
