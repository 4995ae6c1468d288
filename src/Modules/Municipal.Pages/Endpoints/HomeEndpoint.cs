using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Municipal.Core.Content;
using Municipal.Core.Display;
using Municipal.Core.Modules;
using Municipal.Core.Tenancy;
using Municipal.Pages.Models;
using Municipal.Pages.Resources;

namespace Municipal.Pages.Endpoints;

/// <summary>A block of the home page as the template sees it.</summary>
public sealed record HomeBlockView(string Kind, string? Title, string? Html, IReadOnlyList<LinkView> Links, IReadOnlyList<NewsTeaserView> News);

/// <summary>A news article in a list: title, link, date for people and for machines.</summary>
public sealed record NewsTeaserView(string Title, string Url, string Date, string IsoDate);

/// <summary>The home page of a tenant: its HomePage item's blocks, or just the municipality's name.</summary>
public static class HomeEndpoint
{
    /// <summary>Type name of news articles (News module); the home page lists them without depending on it.</summary>
    private const string NewsArticleType = "NewsArticle";

    public static void MapHome(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/", ShowAsync).RequireFeature(PagesModule.Feature);

    private static async Task<IResult> ShowAsync(HttpContext http, ContentStore store, ThemePageRenderer renderer, TenantContext tenant)
    {
        var item = await store.GetPublishedByPathAsync(string.Empty, http.RequestAborted);
        var home = item is { ContentType: PageTypes.HomePage } ? ContentStore.Read<HomePageContent>(item) : new HomePageContent(tenant.Tenant.DisplayName, []);
        return await RenderAsync(http, home, store, renderer, tenant);
    }

    /// <summary>Draws a home page's blocks (the published one, or the back office's preview of the latest).</summary>
    public static async Task<IResult> RenderAsync(HttpContext http, HomePageContent home, ContentStore store, ThemePageRenderer renderer, TenantContext tenant)
    {
        var blocks = new List<HomeBlockView>();
        foreach (var block in home.Blocks)
        {
            var view = block switch
            {
                HeroBlock hero => new HomeBlockView("hero", hero.Title, hero.Text.Html, [], []),
                QuickLinksBlock quick => new HomeBlockView("links", quick.Title, null, Links(http, quick.Links), []),
                AudiencesBlock audiences => new HomeBlockView("links", audiences.Title, null, Links(http, audiences.Links), []),
                TextBlock text => new HomeBlockView("text", text.Title, text.Body.Html, [], []),
                LatestNewsBlock news when tenant.Tenant.HasFeature("news") =>
                    new HomeBlockView("news", news.Title, null, [new LinkView(PagesText.Get("AllNews"), ThemePageRenderer.Url(http, "/actualites"))], await LatestNewsAsync(http, store, news.Count)),
                _ => null,
            };
            if (view is not null)
            {
                blocks.Add(view);
            }
        }

        var title = home.Blocks.OfType<HeroBlock>().FirstOrDefault()?.Title ?? home.Title;
        var page = new PageView(title, home.Seo?.MetaDescription, []);
        return await renderer.RenderViewAsync(http, page, "Home", new HomeView(blocks));
    }

    private static LinkView[] Links(HttpContext http, IReadOnlyList<LinkItem> links) =>
        links.Select(l => new LinkView(l.Label, ThemePageRenderer.Url(http, l.Url))).ToArray();

    private static async Task<IReadOnlyList<NewsTeaserView>> LatestNewsAsync(HttpContext http, ContentStore store, int count) =>
        (await store.ListPublishedAsync(NewsArticleType, 0, count, http.RequestAborted))
            .Select(n => new NewsTeaserView(n.DisplayText, ThemePageRenderer.Url(http, "/" + n.Path), DisplayDates.Readable(n.ContentDate ?? n.PublishedUtc), DisplayDates.Iso(n.ContentDate ?? n.PublishedUtc)))
            .ToList();
}

/// <summary>Shows a HomePage item (the back office's preview; the site's root is mapped by <see cref="HomeEndpoint"/>).</summary>
public sealed class HomePageDisplay(ContentStore store, ThemePageRenderer renderer, TenantContext tenant) : IContentDisplay
{
    public string ContentType => PageTypes.HomePage;

    public string Feature => PagesModule.Feature;

    public Task<IResult> DisplayAsync(ContentItemRecord item, HttpContext http) =>
        HomeEndpoint.RenderAsync(http, ContentStore.Read<HomePageContent>(item), store, renderer, tenant);
}

/// <summary>The home page (Home.liquid): its blocks, in order.</summary>
public sealed record HomeView(IReadOnlyList<HomeBlockView> Blocks);
