using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Municipal.Core.Modules;
using Municipal.Core.Tenancy;

namespace Municipal.Pages.Public;

/// <summary>
/// A block of the home page as the template sees it: Kind is "hero", "links", "text" or "list" (a module's list,
/// its Items, in a section of class CssClass).
/// </summary>
public sealed record HomeBlockView(string Kind, string? Title, string? Html, IReadOnlyList<LinkView> Links, IReadOnlyList<HomeListItemView> Items, string? CssClass = null);


/// <summary>The home page of a tenant: its HomePage item's blocks, or just the municipality's name.</summary>
public static class HomeEndpoint
{
    public static void MapHome(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/", ShowAsync).RequireFeature(PagesModule.Feature);

    private static async Task<IResult> ShowAsync(
        HttpContext http, ContentStore store, ThemePageRenderer renderer, TenantContext tenant, SiteSettingsStore settings, IEnumerable<IHomeListSource> lists)
    {
        var item = await store.GetPublishedByPathAsync(string.Empty, http.RequestAborted);
        var home = item is { ContentType: PageTypes.HomePage } ? ContentStore.Read<HomePageContent>(item) : new HomePageContent(tenant.Tenant.DisplayName, []);
        return await RenderAsync(http, home, renderer, tenant, settings, lists);
    }

    /// <summary>Draws a home page's blocks (the published one, or the back office's preview of the latest).</summary>
    public static async Task<IResult> RenderAsync(
        HttpContext http, HomePageContent home, ThemePageRenderer renderer, TenantContext tenant, SiteSettingsStore settings, IEnumerable<IHomeListSource> lists)
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
                // A module's list, where that module is loaded and its feature on.
                ListBlock list when lists.FirstOrDefault(l => l.Kind == list.Kind && tenant.Tenant.HasFeature(l.Feature)) is { } source =>
                    await ListAsync(http, list, source),
                _ => null,
            };
            if (view is not null)
            {
                blocks.Add(view);
            }
        }

        var title = home.Blocks.OfType<HeroBlock>().FirstOrDefault()?.Title ?? home.Title;
        var page = new PageView(title, home.Seo?.MetaDescription ?? await DefaultDescriptionAsync(tenant, settings, http.RequestAborted), []);
        return await renderer.RenderViewAsync(http, page, "Home", new HomeView(blocks));
    }

    /// <summary>What search engines show of a home page without a description of its own: the site's name and tagline.</summary>
    private static async Task<string> DefaultDescriptionAsync(TenantContext tenant, SiteSettingsStore settings, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(cancellationToken);
        var name = string.IsNullOrWhiteSpace(site.SiteName) ? tenant.Tenant.DisplayName : site.SiteName;
        return string.IsNullOrWhiteSpace(site.Tagline)
            ? PagesText.Format("HomeDefaultDescription", name)
            : PagesText.Format("HomeDefaultDescriptionWithTagline", name, site.Tagline.Trim().TrimEnd('.'));
    }

    private static LinkView[] Links(HttpContext http, IReadOnlyList<LinkItem> links) =>
        links.Select(l => new LinkView(l.Label, ThemePageRenderer.Url(http, l.Url))).ToArray();

    private static async Task<HomeBlockView> ListAsync(HttpContext http, ListBlock block, IHomeListSource source)
    {
        var list = await source.ListAsync(http, Math.Clamp(block.Count, 1, HomeLists.MaxCount), http.RequestAborted);
        return new HomeBlockView("list", block.Title, null, list.More is { } more ? [more] : [], list.Items, source.CssClass);
    }
}

/// <summary>Shows a HomePage item (the back office's preview; the site's root is mapped by <see cref="HomeEndpoint"/>).</summary>
public sealed class HomePageDisplay(ThemePageRenderer renderer, TenantContext tenant, SiteSettingsStore settings, IEnumerable<IHomeListSource> lists) : IContentDisplay
{
    public string ContentType => PageTypes.HomePage;

    public string Feature => PagesModule.Feature;

    public Task<IResult> DisplayAsync(ContentItemRecord item, HttpContext http) =>
        HomeEndpoint.RenderAsync(http, ContentStore.Read<HomePageContent>(item), renderer, tenant, settings, lists);
}

/// <summary>The home page (Home.liquid): its blocks, in order.</summary>
public sealed record HomeView(IReadOnlyList<HomeBlockView> Blocks);
