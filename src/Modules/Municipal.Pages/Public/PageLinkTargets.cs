using Microsoft.EntityFrameworkCore;
using Municipal.Core.Storage;

namespace Municipal.Pages.Public;

/// <summary>The menu editor's choices of this module: the published pages and procedures, by their site path.</summary>
public sealed class PageLinkTargets(TenantDbContext db) : IMenuLinkSource
{
    public string Feature => PagesModule.Feature;

    public async Task<IReadOnlyList<MenuLinkTarget>> TargetsAsync(CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.Status == ContentStatus.Published && i.Path != null && i.Path != string.Empty && (i.ContentType == PageTypes.Page || i.ContentType == PageTypes.Procedure))
            .OrderBy(i => i.Path)
            .Select(i => new { i.Path, i.DisplayText })
            .ToListAsync(cancellationToken);
        return items.Select(i => new MenuLinkTarget("/" + i.Path, i.DisplayText)).ToList();
    }
}
