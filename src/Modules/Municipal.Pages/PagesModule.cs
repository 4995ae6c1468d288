using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin.Content;
using Municipal.Core.Modules;
using Municipal.Core.Recipes;
using Municipal.Core.Resources;
using Municipal.Pages.Editing;
using Municipal.Pages.Public;
using Municipal.Pages.Recipes;

namespace Municipal.Pages;

/// <summary>The home page, the pages of the site tree and the procedures ("démarches").</summary>
public sealed class PagesModule : IMunicipalModule
{
    public const string Feature = "pages";

    public string Name => "Pages";

    // Read on each call: the name and description follow the culture of whoever lists the features.
    public IReadOnlyList<FeatureInfo> Features =>
        [new(Feature, PagesText.Get("FeaturePagesName"), PagesText.Get("FeaturePagesDescription"))];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IContentRecipeHandler, PageRecipeHandler>();
        services.AddSingleton<IContentRecipeHandler, ProcedureRecipeHandler>();
        services.AddSingleton<IContentRecipeHandler, HomePageRecipeHandler>();
        services.AddScoped<IContentDisplay, PageDisplay>();
        services.AddScoped<IContentDisplay, ProcedureDisplay>();
        services.AddScoped<IContentDisplay, HomePageDisplay>();
        services.AddSingleton<IContentTypeEditor, PageEditor>();
        services.AddSingleton<IContentTypeEditor, ProcedureEditor>();
        services.AddSingleton<IContentTypeEditor, HomePageEditor>();
        services.AddSingleton(new ModuleTemplates(Name, new EmbeddedAssets(typeof(PagesModule).Assembly, "Views")));
        services.AddSingleton(new ModuleTexts(Name, PagesText.Resources));
        services.AddScoped<IMenuLinkSource, PageLinkTargets>();
        services.AddScoped<IFormPlacements, ProcedureFormPlacements>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapHome();
}
