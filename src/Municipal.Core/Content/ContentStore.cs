using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Municipal.Core.Storage;

namespace Municipal.Core.Content;

/// <summary>A new version of a content item, its parts already serialized by the module that owns the type.</summary>
public sealed record ContentDraft(string ContentType, string? ContentItemId, string DisplayText, string? Path, string Data);

/// <summary>Versions of content items of one tenant: publish a new version, find what is published.</summary>
public sealed class ContentStore(TenantDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T parts) => JsonSerializer.Serialize(parts, Json);

    public static T Read<T>(ContentItemRecord item)
        where T : class =>
        JsonSerializer.Deserialize<T>(item.Data, Json) ?? throw new InvalidDataException($"Contenu {item.ContentItemId} illisible.");

    public Task<ContentItemRecord?> GetPublishedByPathAsync(string path, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Path == path && i.Status == ContentStatus.Published, cancellationToken);

    public async Task<IReadOnlyList<ContentItemRecord>> ListPublishedAsync(string contentType, int take, CancellationToken cancellationToken = default) =>
        await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentType == contentType && i.Status == ContentStatus.Published)
            .OrderBy(i => i.Path)
            .Take(take)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Adds a published version. An existing item with the same id gets a new version (the former published one
    /// is archived), so a recipe applied twice updates instead of duplicating. A path used by another item is refused.
    /// </summary>
    public async Task<ContentItemRecord> PublishAsync(ContentDraft draft, string? author, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var id = draft.ContentItemId ?? Guid.NewGuid().ToString("N");
        if (draft.Path is not null)
        {
            var clash = await db.ContentItems.AnyAsync(i => i.Path == draft.Path && i.Status == ContentStatus.Published && i.ContentItemId != id, cancellationToken);
            if (clash)
            {
                throw new ContentConflictException($"L'adresse « /{draft.Path} » est déjà utilisée par un autre contenu publié.");
            }
        }

        var previous = await db.ContentItems.Where(i => i.ContentItemId == id && (i.Latest || i.Status == ContentStatus.Published)).ToListAsync(cancellationToken);
        var created = previous.Count > 0 ? previous.Min(p => p.CreatedUtc) : now;
        foreach (var version in previous)
        {
            version.Latest = false;
            if (version.Status == ContentStatus.Published)
            {
                version.Status = ContentStatus.Archived;
            }
        }

        var record = new ContentItemRecord
        {
            ContentItemId = id,
            ContentType = draft.ContentType,
            DisplayText = draft.DisplayText,
            Path = draft.Path,
            Data = draft.Data,
            Status = ContentStatus.Published,
            Latest = true,
            CreatedUtc = created,
            ModifiedUtc = now,
            PublishedUtc = now,
            Author = author,
        };
        db.ContentItems.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }
}

/// <summary>Two contents would answer on one address.</summary>
public sealed class ContentConflictException(string message) : Exception(message)
{
    public ContentConflictException()
        : this("Conflit de contenu.")
    {
    }

    public ContentConflictException(string message, Exception innerException)
        : this(message + " " + innerException.Message)
    {
    }
}
