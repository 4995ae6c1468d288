namespace Municipal.Admin.Content;

/// <summary>Where an item stands, as the back office names it: one state per item, shown as text.</summary>
public enum ContentAdminState
{
    Draft,
    Published,
    PublishedWithChanges,
    Submitted,
    ChangesRequested,
    Scheduled,
}

/// <summary>The states' French names and query values, and how they are computed and filtered.</summary>
public static class ContentStates
{
    private static readonly Dictionary<ContentAdminState, string> Slugs = new()
    {
        [ContentAdminState.Draft] = "brouillon",
        [ContentAdminState.Published] = "publie",
        [ContentAdminState.PublishedWithChanges] = "modifie",
        [ContentAdminState.Submitted] = "soumis",
        [ContentAdminState.ChangesRequested] = "renvoye",
        [ContentAdminState.Scheduled] = "programme",
    };

    public static IReadOnlyList<ContentAdminState> All { get; } = Enum.GetValues<ContentAdminState>();

    /// <summary>The value of the "statut" query parameter.</summary>
    public static string Slug(ContentAdminState state) => Slugs[state];

    public static ContentAdminState? FromSlug(string? slug) =>
        Slugs.FirstOrDefault(p => p.Value == slug) is { Value: not null } pair ? pair.Key : null;

    public static string Label(ContentAdminState state) => CoreText.Get("ContentState" + state);

    /// <summary>The review workflow first (someone must act), then a pending schedule, then publication.</summary>
    public static ContentAdminState Of(ContentItemRecord latest, bool hasPublished, bool scheduled) => latest switch
    {
        { ReviewState: ReviewState.Submitted } => ContentAdminState.Submitted,
        { ReviewState: ReviewState.ChangesRequested } => ContentAdminState.ChangesRequested,
        _ when scheduled => ContentAdminState.Scheduled,
        { Status: ContentStatus.Published } => ContentAdminState.Published,
        _ when hasPublished => ContentAdminState.PublishedWithChanges,
        _ => ContentAdminState.Draft,
    };

    /// <summary>The same rule as <see cref="Of"/>, as a database filter on latest revisions.</summary>
    public static IQueryable<ContentItemRecord> Where(IQueryable<ContentItemRecord> latest, IQueryable<ContentItemRecord> all, ContentAdminState state, IReadOnlyCollection<string> scheduled)
    {
        var free = latest.Where(i => i.ReviewState == ReviewState.None);
        var unscheduled = free.Where(i => !scheduled.Contains(i.ContentItemId));
        return state switch
        {
            ContentAdminState.Submitted => latest.Where(i => i.ReviewState == ReviewState.Submitted),
            ContentAdminState.ChangesRequested => latest.Where(i => i.ReviewState == ReviewState.ChangesRequested),
            ContentAdminState.Scheduled => free.Where(i => scheduled.Contains(i.ContentItemId)),
            ContentAdminState.Published => unscheduled.Where(i => i.Status == ContentStatus.Published),
            ContentAdminState.PublishedWithChanges => unscheduled.Where(i => i.Status != ContentStatus.Published
                && all.Any(p => p.ContentItemId == i.ContentItemId && p.Status == ContentStatus.Published)),
            _ => unscheduled.Where(i => i.Status != ContentStatus.Published
                && !all.Any(p => p.ContentItemId == i.ContentItemId && p.Status == ContentStatus.Published)),
        };
    }
}

/// <summary>A pending scheduled publication or unpublication of an item.</summary>
public sealed record ContentSchedule(string ContentItemId, bool Publish, DateTimeOffset DueUtc);

/// <summary>Scheduled publications of the tenant, read from the job queue (host database).</summary>
public static class ContentSchedules
{
    public static async Task<IReadOnlyList<ContentSchedule>> PendingAsync(JobQueue jobs, string tenantName, CancellationToken cancellationToken) =>
        (await jobs.PendingAsync(tenantName, cancellationToken))
            .Where(j => j.Kind is ContentManager.PublishJob or ContentManager.UnpublishJob)
            .Select(j => new ContentSchedule(j.Payload, j.Kind == ContentManager.PublishJob, j.DueUtc))
            .ToList();
}

/// <summary>Queries of the content list: latest revisions not in the trash, of the types the back office edits.</summary>
public static class ContentListQuery
{
    public static IQueryable<ContentItemRecord> Latest(DbSet<ContentItemRecord> items, IReadOnlyCollection<string> types) =>
        items.AsNoTracking().Where(i => i.Latest && i.TrashedUtc == null && types.Contains(i.ContentType));
}
