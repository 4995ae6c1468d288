using System.Globalization;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Municipal.Core.Modules;
using Municipal.Core.Tenancy;

namespace Municipal.News.Public;

/// <summary>The list of news articles (/actualites, paged) and its Atom feed (/actualites/feed.xml).</summary>
public static class NewsEndpoints
{
    public const int PageSize = 10;
    private const int FeedSize = 20;

    public static void MapNews(this IEndpointRouteBuilder endpoints)
    {
        var news = endpoints.MapGroup("/" + NewsTypes.BasePath).RequireFeature(NewsModule.Feature);
        news.MapGet("/", ListAsync);
        news.MapGet("/feed.xml", FeedAsync);
    }

    /// <summary>A malformed or absent "page" is page 1; a page past the end is 404.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, ContentStore store, ThemePageRenderer renderer, string? page)
    {
        var number = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : 1;
        var total = await store.CountPublishedAsync(NewsTypes.NewsArticle, http.RequestAborted);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (number > pages)
        {
            return await ContentRoutes.NotFoundAsync(http, renderer);
        }

        var items = await store.ListPublishedAsync(NewsTypes.NewsArticle, (number - 1) * PageSize, PageSize, http.RequestAborted);
        var title = NewsText.Get("News");
        var view = new PageView(number == 1 ? title : $"{title} – {CoreText.Format("PageOf", number, pages)}", NewsText.Get("NewsListDescription"), ThemePageRenderer.Breadcrumb(http, (title, "/" + NewsTypes.BasePath)));
        var listUrl = ThemePageRenderer.Url(http, "/" + NewsTypes.BasePath);
        return await renderer.RenderViewAsync(http, view, "NewsList", new NewsListView(
            items.Select(i => ToTeaser(http, i)).ToArray(),
            CoreText.Format("PageOf", number, pages),
            number > 1 ? (number == 2 ? listUrl : $"{listUrl}?page={number - 1}") : null,
            number < pages ? $"{listUrl}?page={number + 1}" : null,
            listUrl + "/feed.xml"));
    }

    private static async Task<IResult> FeedAsync(HttpContext http, ContentStore store, TenantContext tenant)
    {
        var items = await store.ListPublishedAsync(NewsTypes.NewsArticle, 0, FeedSize, http.RequestAborted);
        var site = TenantUrls.BaseUrl(http);
        return XmlDocuments.Result("application/atom+xml", xml =>
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("title", Atom, $"{NewsText.Get("News")} – {tenant.Tenant.DisplayName}");
            xml.WriteElementString("id", Atom, site + NewsTypes.BasePath);
            xml.WriteElementString("updated", Atom, Stamp(items.Count > 0 ? items.Max(i => i.ModifiedUtc) : DateTimeOffset.UnixEpoch));
            XmlDocuments.WriteLink(xml, Atom, "alternate", site + NewsTypes.BasePath);
            XmlDocuments.WriteLink(xml, Atom, "self", site + NewsTypes.BasePath + "/feed.xml");
            foreach (var item in items)
            {
                var content = ContentStore.Read<NewsArticleContent>(item);
                var url = site + item.Path;
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("title", Atom, content.Title);
                xml.WriteElementString("id", Atom, url);
                xml.WriteElementString("published", Atom, Stamp(content.Date));
                xml.WriteElementString("updated", Atom, Stamp(item.ModifiedUtc));
                XmlDocuments.WriteLink(xml, Atom, "alternate", url);
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, tenant.Tenant.DisplayName);
                xml.WriteEndElement();
                if (content.Summary is not null)
                {
                    xml.WriteElementString("summary", Atom, content.Summary);
                }

                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(content.Body.Html);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    public static NewsTeaserLink ToTeaser(HttpContext http, ContentItemRecord item)
    {
        var content = ContentStore.Read<NewsArticleContent>(item);
        return new NewsTeaserLink(content.Title, ThemePageRenderer.Url(http, "/" + item.Path), content.Summary, DisplayDates.Readable(content.Date), DisplayDates.Iso(content.Date));
    }

    private static string Stamp(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>A news article in the list: title, link, summary, date for people and for machines.</summary>
public sealed record NewsTeaserLink(string Title, string Url, string? Summary, string Date, string IsoDate);

/// <summary>Shows one news article.</summary>
public sealed class NewsArticleDisplay(ThemePageRenderer renderer) : IContentDisplay
{
    public string ContentType => NewsTypes.NewsArticle;

    public string Feature => NewsModule.Feature;

    public Task<IResult> DisplayAsync(ContentItemRecord item, HttpContext http)
    {
        var content = ContentStore.Read<NewsArticleContent>(item);
        var news = NewsText.Get("News");
        var page = new PageView(content.Title, content.Seo?.MetaDescription ?? content.Summary, ThemePageRenderer.Breadcrumb(http, (news, "/" + NewsTypes.BasePath), (content.Title, "/" + item.Path)));
        return renderer.RenderViewAsync(http, page, "NewsArticle", new NewsArticleView(
            DisplayDates.Readable(content.Date),
            DisplayDates.Iso(content.Date),
            content.Summary,
            content.Body.Html,
            content.Image?.Src,
            content.Image?.Alt));
    }
}

/// <summary>A page of the news list (NewsList.liquid): its articles and the links to the pages around it.</summary>
public sealed record NewsListView(IReadOnlyList<NewsTeaserLink> Articles, string PageLabel, string? PreviousUrl, string? NextUrl, string FeedUrl);

/// <summary>One news article (NewsArticle.liquid).</summary>
public sealed record NewsArticleView(string Date, string IsoDate, string? Summary, string BodyHtml, string? ImageSrc, string? ImageAlt);
