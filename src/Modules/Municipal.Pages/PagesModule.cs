using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Display;
using Municipal.Core.Modules;
using Municipal.Core.Recipes;
using Municipal.Pages.Endpoints;
using Municipal.Pages.Handlers;

namespace Municipal.Pages;

/// <summary>Pages of the site tree and the home page.</summary>
public sealed class PagesModule : IMunicipalModule
{
    public const string Feature = "pages";

    public string Name => "Pages";

    public IReadOnlyList<FeatureInfo> Features { get; } =
        [new(Feature, "Pages", "Page d'accueil et pages de l'arborescence du site.")];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IContentRecipeHandler, PageRecipeHandler>();
        services.AddSingleton<IContentRecipeHandler, HomePageRecipeHandler>();
        services.AddSingleton(new ModuleTemplates(Name, new EmbeddedAssets(typeof(PagesModule).Assembly, "Views")));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapPublicPages();
}
