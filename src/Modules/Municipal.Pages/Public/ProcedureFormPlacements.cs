using Microsoft.EntityFrameworkCore;
using Municipal.Core.Modules;
using Municipal.Core.Storage;

namespace Municipal.Pages.Public;

/// <summary>The published procedures that carry an e-counter form, with their topics (for the e-counter's home).</summary>
public sealed class ProcedureFormPlacements(TenantDbContext db) : IFormPlacements
{
    public string Feature => PagesModule.Feature;

    public async Task<IReadOnlyList<FormPlacement>> ListAsync(CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentType == PageTypes.Procedure && i.Status == ContentStatus.Published && i.TrashedUtc == null && i.Path != null)
            .OrderBy(i => i.Path)
            .ToListAsync(cancellationToken);
        return items
            .Select(i => (i.Path, Content: ContentStore.Read<ProcedureContent>(i)))
            .Where(p => !string.IsNullOrWhiteSpace(p.Content.FormId))
            .Select(p => new FormPlacement(p.Content.FormId!, p.Path!, p.Content.Title, p.Content.Summary, p.Content.Taxonomy?.Topics ?? []))
            .ToList();
    }
}
