using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Display;
using Municipal.Notices.Model;
using Municipal.Notices.Resources;

namespace Municipal.Notices.Home;

/// <summary>The home page's "latest notices" block.</summary>
public sealed class LatestNotices : IHomeListSource
{
    public string Kind => "latestNotices";

    public string Feature => NoticesModule.Feature;

    public string CssClass => "latest-notices";

    public string Heading(string blockNumber) => NoticesText.Format("HomeListHeading", blockNumber);

    public string CountLabel(string blockNumber) => NoticesText.Format("HomeListCount", blockNumber);

    public async Task<HomeList> ListAsync(HttpContext http, int count, CancellationToken cancellationToken)
    {
        var board = await http.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync<NoticeBoard>(cancellationToken);
        var items = board.Notices.Take(count)
            .Select(n => new HomeListItemView(
                n.Title,
                ThemePageRenderer.Url(http, "/"),
                n.Posted.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
                n.Posted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        return new HomeList(items, More: null);
    }
}
