using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin.Content;
using Municipal.Core.Modules;
using Municipal.Core.Recipes;
using Municipal.News.Editing;
using Municipal.News.Public;
using Municipal.News.Recipes;

namespace Municipal.News;

/// <summary>News articles, their paged list and their Atom feed.</summary>
public sealed class NewsModule : IMunicipalModule
{
    public const string Feature = "news";

    public string Name => "News";

    // Read on each call: the name and description follow the culture of whoever lists the features.
    public IReadOnlyList<FeatureInfo> Features =>
        [new(Feature, NewsText.Get("FeatureNewsName"), NewsText.Get("FeatureNewsDescription"))];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IContentRecipeHandler, NewsRecipeHandler>();
        services.AddScoped<IContentDisplay, NewsArticleDisplay>();
        services.AddSingleton<IContentTypeEditor, NewsArticleEditor>();
        services.AddSingleton(new ModuleTemplates(Name, new EmbeddedAssets(typeof(NewsModule).Assembly, "Views")));
        services.AddSingleton(new ModuleTexts(Name, NewsText.Resources));
        services.AddSingleton<IHomeListSource, LatestNewsList>();
        services.AddSingleton(new ModulePage(NewsTypes.BasePath, Feature));
        services.AddSingleton(new SiteFeed(NewsTypes.BasePath + "/feed.xml", "NewsFeed", Feature));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapNews();
}
