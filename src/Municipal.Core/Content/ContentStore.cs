using System.Text.Json.Serialization;

namespace Municipal.Core.Content;

/// <summary>A new version of a content item, its parts already serialized by the module that owns the type.</summary>
public sealed record ContentDraft(string ContentType, string? ContentItemId, string DisplayText, string? Path, string Data, DateTimeOffset? ContentDate = null);

/// <summary>Reads the content of the current tenant: published items by address, by type, by id.</summary>
public sealed class ContentStore(TenantDbContext db)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T parts) => JsonSerializer.Serialize(parts, Json);

    public static T Read<T>(ContentItemRecord item)
        where T : class =>
        JsonSerializer.Deserialize<T>(item.Data, Json) ?? throw new InvalidDataException($"Contenu {item.ContentItemId} illisible.");

    public Task<ContentItemRecord?> GetPublishedByPathAsync(string path, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Path == path && i.Status == ContentStatus.Published && i.TrashedUtc == null, cancellationToken);

    public Task<ContentItemRecord?> GetPublishedAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Status == ContentStatus.Published && i.TrashedUtc == null, cancellationToken);

    public Task<ContentItemRecord?> GetLatestAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Latest, cancellationToken);

    /// <summary>Published items of a type, newest first (by their own date, then by publication).</summary>
    public async Task<IReadOnlyList<ContentItemRecord>> ListPublishedAsync(string contentType, int skip, int take, CancellationToken cancellationToken = default) =>
        await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentType == contentType && i.Status == ContentStatus.Published && i.TrashedUtc == null)
            .OrderByDescending(i => i.ContentDate).ThenByDescending(i => i.Id)
            .Skip(skip)
            .Take(take)
            .ToListAsync(cancellationToken);

    public Task<int> CountPublishedAsync(string contentType, CancellationToken cancellationToken = default) =>
        db.ContentItems.CountAsync(i => i.ContentType == contentType && i.Status == ContentStatus.Published && i.TrashedUtc == null, cancellationToken);

    /// <summary>Published items directly under a path ("demarches" → "demarches/x", not "demarches/x/y").</summary>
    public async Task<IReadOnlyList<ContentItemRecord>> ListChildrenAsync(string path, CancellationToken cancellationToken = default)
    {
        var prefix = path + "/";
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.Status == ContentStatus.Published && i.TrashedUtc == null && i.Path != null && i.Path.StartsWith(prefix))
            .OrderBy(i => i.DisplayText)
            .ToListAsync(cancellationToken);
        return items.Where(i => !i.Path![prefix.Length..].Contains('/', StringComparison.Ordinal)).ToList();
    }

    /// <summary>Display names of published items at these paths (for breadcrumbs).</summary>
    public async Task<IReadOnlyDictionary<string, string>> TitlesByPathAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default) =>
        await db.ContentItems.AsNoTracking()
            .Where(i => i.Status == ContentStatus.Published && i.TrashedUtc == null && i.Path != null && paths.Contains(i.Path))
            .ToDictionaryAsync(i => i.Path!, i => i.DisplayText, cancellationToken);

    /// <summary>Every published item with an address (sitemap).</summary>
    public async Task<IReadOnlyList<(string Path, DateTimeOffset Modified)>> PublishedRoutesAsync(CancellationToken cancellationToken = default) =>
        (await db.ContentItems.AsNoTracking()
            .Where(i => i.Status == ContentStatus.Published && i.TrashedUtc == null && i.Path != null)
            .OrderBy(i => i.Path)
            .Select(i => new { i.Path, i.ModifiedUtc })
            .ToListAsync(cancellationToken))
        .Select(i => (i.Path!, i.ModifiedUtc)).ToList();

    /// <summary>Where an item that left <paramref name="oldPath"/> lives now, if it is published.</summary>
    public async Task<string?> RedirectTargetAsync(string oldPath, CancellationToken cancellationToken = default)
    {
        var redirect = await db.RouteRedirects.AsNoTracking().FirstOrDefaultAsync(r => r.OldPath == oldPath, cancellationToken);
        return redirect is null ? null : (await GetPublishedAsync(redirect.ContentItemId, cancellationToken))?.Path;
    }

    /// <summary>Every version of an item, newest first: the revision history.</summary>
    public async Task<IReadOnlyList<ContentItemRecord>> RevisionsAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await db.ContentItems.AsNoTracking().Where(i => i.ContentItemId == contentItemId).OrderByDescending(i => i.Id).ToListAsync(cancellationToken);
}

/// <summary>Two contents would answer on one address.</summary>
public sealed class ContentConflictException(string message) : Exception(message)
{
    public ContentConflictException()
        : this(CoreText.Get("ContentErrorConflictGeneric"))
    {
    }

    public ContentConflictException(string message, Exception innerException)
        : this(message + " " + innerException.Message)
    {
    }
}
