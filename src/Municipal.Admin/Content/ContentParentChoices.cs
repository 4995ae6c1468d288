namespace Municipal.Admin.Content;

/// <summary>
/// The pages a page may be placed under: latest revisions of the type, not in the trash, neither the page itself
/// nor one of its descendants (it cannot go under itself), in tree order and indented by depth.
/// </summary>
public sealed class ContentParentChoices(TenantDbContext db)
{
    /// <summary>"Aucune (à la racine)", the current place when it is no page of the list (recipe data), then the pages.</summary>
    public async Task<List<ContentOptionView>> OptionsAsync(ParentChoiceField field, CancellationToken cancellationToken)
    {
        var pages = await PagesAsync(field, cancellationToken);
        var options = new List<ContentOptionView> { new(string.Empty, CoreText.Get("ContentParentRoot"), field.Value.Length == 0) };
        if (field.Value.Length > 0 && pages.All(p => p.Path != field.Value))
        {
            options.Add(new ContentOptionView(field.Value, CoreText.Format("ContentParentCurrent", field.Value), true));
        }

        options.AddRange(pages.Select(p => new ContentOptionView(
            p.Path,
            string.Concat(Enumerable.Repeat("— ", p.Path.Count(c => c == '/') + 1)) + p.Title,
            p.Path == field.Value)));
        return options;
    }

    /// <summary>True when <paramref name="parent"/> is one of the choices, or the place the item already has.</summary>
    public async Task<bool> IsAllowedAsync(ParentChoiceField field, string parent, CancellationToken cancellationToken) =>
        (field.ItemPath is { } current && Slugs.Parent(current) == parent && parent.Length > 0)
        || (await PagesAsync(field, cancellationToken)).Any(p => p.Path == parent);

    private async Task<List<(string Path, string Title)>> PagesAsync(ParentChoiceField field, CancellationToken cancellationToken)
    {
        var rows = await db.ContentItems.AsNoTracking()
            .Where(i => i.Latest && i.TrashedUtc == null && i.ContentType == field.ContentType && i.Path != null && i.Path != string.Empty)
            .Where(i => field.ItemId == null || i.ContentItemId != field.ItemId)
            .Select(i => new { Path = i.Path!, i.DisplayText })
            .ToListAsync(cancellationToken);
        var own = field.ItemPath;
        return rows
            .Where(r => own is not { Length: > 0 } || (r.Path != own && !r.Path.StartsWith(own + "/", StringComparison.Ordinal)))
            .Select(r => (r.Path, r.DisplayText))
            .OrderBy(r => r.Path.Replace('/', '\u0001'), StringComparer.Ordinal)
            .ToList();
    }
}
