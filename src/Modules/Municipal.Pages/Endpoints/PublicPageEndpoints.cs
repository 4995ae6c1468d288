using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Municipal.Core.Content;
using Municipal.Core.Display;
using Municipal.Core.Modules;
using Municipal.Core.Resources;
using Municipal.Core.Tenancy;
using Municipal.Pages.Handlers;
using Municipal.Pages.Models;

namespace Municipal.Pages.Endpoints;

/// <summary>The public pages of a tenant: its home page and the pages of its tree.</summary>
public static class PublicPageEndpoints
{
    /// <summary>Longest path accepted; anything longer cannot be a page of ours.</summary>
    private const int MaxPathLength = 400;

    public static void MapPublicPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup(string.Empty).RequireFeature(PagesModule.Feature);
        pages.MapGet("/", HomeAsync);
        pages.MapGet("/{**path}", PageAsync);
    }

    private static async Task<IResult> HomeAsync(HttpContext http, ContentStore content, ThemePageRenderer renderer, TenantContext tenant)
    {
        var item = await content.GetPublishedByPathAsync(string.Empty, http.RequestAborted);
        var home = item is null ? new HomePageParts(tenant.Tenant.DisplayName, null, []) : ContentStore.Read<HomePageParts>(item);
        var links = home.QuickLinks.Select(l => new LinkView(l.Label, ThemePageRenderer.Url(http, l.Url))).ToArray();
        var page = new PageView(home.Title, null, []);
        return await renderer.RenderAsync(http, page, "Home", new Dictionary<string, object?>
        {
            ["intro_html"] = home.IntroHtml,
            ["quick_links"] = links,
        });
    }

    private static async Task<IResult> PageAsync(string path, HttpContext http, ContentStore content, ThemePageRenderer renderer)
    {
        var normalized = path.Trim('/');
        if (normalized.Length <= MaxPathLength && RecipeMarkdown.PathPattern().IsMatch(normalized))
        {
            var item = await content.GetPublishedByPathAsync(normalized, http.RequestAborted);
            if (item is { ContentType: PageTypes.Page })
            {
                var parts = ContentStore.Read<PageParts>(item);
                var page = new PageView(parts.Title, parts.Summary, ThemePageRenderer.Breadcrumb(http, (parts.Title, "/" + normalized)));
                return await renderer.RenderAsync(http, page, "Page", new Dictionary<string, object?>
                {
                    ["summary"] = parts.Summary,
                    ["body_html"] = parts.BodyHtml,
                });
            }
        }

        return await NotFoundAsync(http, renderer);
    }

    public static Task<IResult> NotFoundAsync(HttpContext http, ThemePageRenderer renderer)
    {
        var title = CoreText.Get("NotFoundTitle");
        var page = new PageView(title, null, ThemePageRenderer.Breadcrumb(http));
        return renderer.RenderAsync(http, page, "NotFound", new Dictionary<string, object?>(), StatusCodes.Status404NotFound);
    }
}
