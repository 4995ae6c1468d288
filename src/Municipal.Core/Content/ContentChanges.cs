namespace Municipal.Core.Content;

/// <summary>What happened to a content item, as the change table records it (drafts being saved are not changes here).</summary>
public enum ContentChangeKind
{
    Published = 1,
    Unpublished = 2,
    Trashed = 3,
    Deleted = 4,
    Restored = 5,
}

/// <summary>
/// One row of a tenant's change table (<c>ContentChanges</c>): an item of any type went online, offline, to the
/// trash, out of it, or was deleted. Written in the same transaction as the change, numbered in commit order by the
/// database. Readers outside the tenant (the shared catalogue's relay, later the search index and open data) keep
/// their own cursor (the last <see cref="Id"/> they copied) and read the rows after it; a row says only that the
/// item changed: the reader loads the item's current published version, if any, so replaying rows is harmless.
/// </summary>
public sealed class ContentChangeRecord
{
    public long Id { get; set; }

    public required string ContentItemId { get; set; }

    public required string ContentType { get; set; }

    public ContentChangeKind Kind { get; set; }

    /// <summary>The version concerned (ContentItems.Id).</summary>
    public long VersionId { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>Writes the change table, inside the change's transaction (a core handler: every module's types are recorded).</summary>
public sealed class ContentChangeRecorder(TenantDbContext db, TimeProvider clock) : IContentEventHandler
{
    public async Task HandleAsync(ContentEvent change, ContentUnitOfWork work, CancellationToken cancellationToken)
    {
        ContentChangeKind? kind = change switch
        {
            ContentPublished => ContentChangeKind.Published,
            ContentUnpublished => ContentChangeKind.Unpublished,
            ContentTrashed => ContentChangeKind.Trashed,
            ContentDeleted => ContentChangeKind.Deleted,
            ContentRestored => ContentChangeKind.Restored,
            _ => null,
        };
        if (kind is null)
        {
            return;
        }

        db.ContentChanges.Add(new ContentChangeRecord
        {
            ContentItemId = change.Item.ContentItemId,
            ContentType = change.Item.ContentType,
            Kind = kind.Value,
            VersionId = change.Item.Id,
            CreatedUtc = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
