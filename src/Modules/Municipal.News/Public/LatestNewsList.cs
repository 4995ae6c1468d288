using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Municipal.News.Public;

/// <summary>The home page's "latest news" block: the newest published articles and the link to all of them.</summary>
public sealed class LatestNewsList : IHomeListSource
{
    public string Kind => "latestNews";

    public string Feature => NewsModule.Feature;

    public string CssClass => "latest-news";

    public string Heading(string blockNumber) => NewsText.Format("HomeListHeading", blockNumber);

    public string CountLabel(string blockNumber) => NewsText.Format("HomeListCount", blockNumber);

    public async Task<HomeList> ListAsync(HttpContext http, int count, CancellationToken cancellationToken)
    {
        var store = http.RequestServices.GetRequiredService<ContentStore>();
        var items = (await store.ListPublishedAsync(NewsTypes.NewsArticle, 0, count, cancellationToken))
            .Select(n => new HomeListItemView(
                n.DisplayText,
                ThemePageRenderer.Url(http, "/" + n.Path),
                DisplayDates.Readable(n.ContentDate ?? n.PublishedUtc),
                DisplayDates.Iso(n.ContentDate ?? n.PublishedUtc)))
            .ToList();
        return new HomeList(items, new LinkView(NewsText.Get("AllNews"), ThemePageRenderer.Url(http, "/" + NewsTypes.BasePath)));
    }
}
