using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Display;
using Municipal.Core.Modules;

namespace Municipal.Theme.Default;

/// <summary>The base theme every municipality starts from, branded by its settings (name, colour, footer).</summary>
public sealed class DefaultThemeModule : IMunicipalModule
{
    public string Name => "Theme.Default";

    public IReadOnlyList<FeatureInfo> Features { get; } = [];

    public void ConfigureServices(IServiceCollection services)
    {
        var assembly = typeof(DefaultThemeModule).Assembly;
        services.AddSingleton(new ThemeRegistration(LiquidRenderer.BaseTheme, new EmbeddedAssets(assembly, "Views"), new EmbeddedAssets(assembly, "wwwroot")));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
