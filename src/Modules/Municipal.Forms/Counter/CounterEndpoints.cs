namespace Municipal.Forms.Counter;

/// <summary>
/// The e-counter's home, /e-guichet: every published form of the tenant, grouped by the topics of the pages that carry
/// them (the "topics" taxonomy; forms without one under "Autres démarches"), each linked to its procedure page (or its
/// own address when no page carries it), with a title filter (GET, no script needed) and the way to follow a request.
/// The same for every visitor, so it is output-cached like the other public pages (a form or content change evicts it).
/// </summary>
public static class CounterEndpoints
{
    public const string Path = PublicFormPaths.Root;

    public const int MaxQueryLength = 100;

    private const string TopicsTaxonomyId = "taxonomy:topics";

    public static void MapCounter(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, ShowAsync).RequireFeature(FormsModule.Feature);

    private static async Task<IResult> ShowAsync(
        HttpContext http, FormsDbContext db, ContentStore content, ThemePageRenderer renderer, TenantContext tenant, IEnumerable<IFormPlacements> placementSources)
    {
        var cancellationToken = http.RequestAborted;
        var query = http.Request.Query["q"].ToString().Trim();
        query = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;

        var placements = new List<FormPlacement>();
        foreach (var source in placementSources.Where(s => tenant.Tenant.HasFeature(s.Feature)))
        {
            placements.AddRange(await source.ListAsync(cancellationToken));
        }

        var forms = (await LatestEnabledAsync(db, cancellationToken))
            .Select(form => Entry(http, form, placements.Where(p => p.FormSlug == form.Slug).OrderBy(p => p.Path, StringComparer.Ordinal).ToList()))
            .ToList();
        var shown = forms.Where(f => query.Length == 0 || f.Titles.Any(t => Contains(t, query))).ToList();

        var title = FormsText.Get("FormsCounterTitle");
        var page = new PageView(title, FormsText.Get("FormsCounterDescription"), ThemePageRenderer.Breadcrumb(http, (title, Path)));
        return await renderer.RenderViewAsync(http, page, "FormsCounter", new CounterView(
            query,
            ThemePageRenderer.Url(http, Path),
            query.Length == 0 ? null : ResultText(shown.Count, query),
            forms.Count == 0 && query.Length == 0 ? FormsText.Get("FormsCounterEmpty") : null,
            ThemePageRenderer.Url(http, FollowUpEndpoints.Path),
            Group(shown, await TopicsAsync(content, cancellationToken))));
    }

    /// <summary>A form as the page lists it, with the titles the filter reads and the topics of the pages that carry it.</summary>
    private sealed record CounterEntry(CounterFormView View, IReadOnlyList<string> Titles, IReadOnlySet<string> Topics);

    private static CounterEntry Entry(HttpContext http, FormDefinition form, List<FormPlacement> placements)
    {
        var first = placements.Count > 0 ? placements[0] : null;
        var url = ThemePageRenderer.Url(http, first is null ? PublicFormPaths.Form(form.Slug) : "/" + first.Path);
        var description = first?.Summary is { Length: > 0 } summary ? summary : FormDescriptions.OneLine(form);
        return new CounterEntry(
            new CounterFormView(form.Title, description, url),
            placements.Select(p => p.Title).Prepend(form.Title).ToList(),
            placements.SelectMany(p => p.Topics).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The forms under each topic that has some, in the taxonomy's order; those without a known topic last.</summary>
    private static List<CounterTopicView> Group(IReadOnlyList<CounterEntry> forms, IReadOnlyList<TaxonomyTerm> topics)
    {
        var groups = topics
            .Select(t => new CounterTopicView(t.Name, Sorted(forms.Where(f => f.Topics.Contains(t.Id)))))
            .Where(g => g.Forms.Count > 0)
            .ToList();
        var others = Sorted(forms.Where(f => !topics.Any(t => f.Topics.Contains(t.Id))));
        if (others.Count > 0)
        {
            groups.Add(new CounterTopicView(FormsText.Get("FormsCounterOtherTopic"), others));
        }

        return groups;
    }

    private static List<CounterFormView> Sorted(IEnumerable<CounterEntry> forms) =>
        forms.Select(f => f.View).OrderBy(f => f.Title, StringComparer.CurrentCulture).ToList();

    /// <summary>The published terms of the "topics" taxonomy, in their order; none when the tenant has no such taxonomy.</summary>
    private static async Task<IReadOnlyList<TaxonomyTerm>> TopicsAsync(ContentStore content, CancellationToken cancellationToken) =>
        await content.GetPublishedAsync(TopicsTaxonomyId, cancellationToken) is { TrashedUtc: null } item
            ? ContentStore.Read<TaxonomyContent>(item).Terms
            : [];

    /// <summary>The latest version of every form whose latest version is enabled.</summary>
    private static async Task<IReadOnlyList<FormDefinition>> LatestEnabledAsync(FormsDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.FormVersions.AsNoTracking().ToListAsync(cancellationToken);
        return versions
            .GroupBy(v => v.Slug, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(v => v.Version).First())
            .Where(v => v.Enabled)
            .Select(v => FormSchemaJson.Read(v.Definition).Form)
            .OfType<FormDefinition>()
            .ToList();
    }

    /// <summary>Case and accents ignored: "residence" finds "Certificat de résidence".</summary>
    private static bool Contains(string text, string query) =>
        CultureInfo.CurrentCulture.CompareInfo.IndexOf(text, query, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    private static string ResultText(int count, string query) => count switch
    {
        0 => FormsText.Format("FormsCounterFilterNone", query),
        1 => FormsText.Format("FormsCounterFilterOne", query),
        _ => FormsText.Format("FormsCounterFilterMany", count, query),
    };
}
