namespace Municipal.Core.Content;

/// <summary>
/// Versions of content items: every save is a new revision (author, time); at most one version is published;
/// publish, unpublish, restore, and scheduled publish/unpublish through durable jobs. When a published address
/// changes, the old one (and those of the item's descendants) answer 301.
/// </summary>
public sealed class ContentManager(TenantDbContext db, TenantContext tenant, JobQueue jobs, PublicPageCache cache, TimeProvider clock, AuditLog audit, ContentUnitOfWork work)
{
    public const string PublishJob = "content.publish";
    public const string UnpublishJob = "content.unpublish";

    /// <summary>Who the audit log names for a publication no signed-in user asked for now.</summary>
    private static string ScheduledActor => CoreText.Get("AuditActorScheduled");

    /// <summary>Saves a new draft revision; the published version, if any, stays online until the draft is published.</summary>
    public Task<ContentItemRecord> SaveDraftAsync(ContentDraft draft, string? author, CancellationToken cancellationToken = default) =>
        SaveRevisionAsync(draft, author, auditAction: null, cancellationToken);

    /// <summary>Saves a new draft revision, audited as <paramref name="auditAction"/> (default: created or changed).</summary>
    internal Task<ContentItemRecord> SaveRevisionAsync(ContentDraft draft, string? author, string? auditAction, CancellationToken cancellationToken) =>
        work.RunAsync(() => SaveRevisionInUnitAsync(draft, author, auditAction, cancellationToken), cancellationToken);

    private async Task<ContentItemRecord> SaveRevisionInUnitAsync(ContentDraft draft, string? author, string? auditAction, CancellationToken cancellationToken)
    {
        var id = draft.ContentItemId ?? Guid.NewGuid().ToString("N");
        await EnsureAddressFreeAsync(draft.Path, id, cancellationToken);
        var now = clock.GetUtcNow();
        var previous = await db.ContentItems.Where(i => i.ContentItemId == id && i.Latest).ToListAsync(cancellationToken);
        EnsureNotTrashed(previous);
        foreach (var version in previous)
        {
            version.Latest = false;
        }

        var created = await db.ContentItems.Where(i => i.ContentItemId == id).Select(i => (DateTimeOffset?)i.CreatedUtc).MinAsync(cancellationToken) ?? now;
        var record = new ContentItemRecord
        {
            ContentItemId = id,
            ContentType = draft.ContentType,
            DisplayText = draft.DisplayText,
            Path = draft.Path,
            Data = draft.Data,
            Status = ContentStatus.Draft,
            Latest = true,
            CreatedUtc = created,
            ModifiedUtc = now,
            Author = author,
            ContentDate = draft.ContentDate,
        };
        db.ContentItems.Add(record);
        audit.Add(auditAction ?? (previous.Count == 0 ? AuditActions.Created : AuditActions.Changed), record.ContentType, id, record.DisplayText);
        await db.SaveChangesAsync(cancellationToken);
        await work.RaiseAsync(new ContentSaved(record), cancellationToken);
        return record;
    }

    public async Task<ContentItemRecord> SaveAndPublishAsync(ContentDraft draft, string? author, CancellationToken cancellationToken = default)
    {
        var saved = await SaveDraftAsync(draft, author, cancellationToken);
        return await PublishAsync(saved.ContentItemId, author, cancellationToken);
    }

    /// <summary>Publishes the latest revision; the formerly published one is archived.</summary>
    public async Task<ContentItemRecord> PublishAsync(string contentItemId, string? author, CancellationToken cancellationToken = default)
    {
        var latest = await work.RunAsync(() => PublishInUnitAsync(contentItemId, author, cancellationToken), cancellationToken);
        await cache.EvictAsync(tenant.Tenant.Name, cancellationToken);
        return latest;
    }

    private async Task<ContentItemRecord> PublishInUnitAsync(string contentItemId, string? author, CancellationToken cancellationToken)
    {
        var latest = await db.ContentItems.SingleOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Latest, cancellationToken)
            ?? throw new ContentNotFoundException(CoreText.Format("ContentErrorNotFound", contentItemId));
        EnsureNotTrashed([latest]);
        await EnsureAddressFreeAsync(latest.Path, contentItemId, cancellationToken);
        var published = await db.ContentItems.SingleOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Status == ContentStatus.Published, cancellationToken);
        var now = clock.GetUtcNow();
        if (published is not null && published.Id != latest.Id)
        {
            published.Status = ContentStatus.Archived;
        }

        if (published?.Path is { } oldPath && latest.Path is { } newPath && oldPath != newPath)
        {
            await MoveAddressAsync(contentItemId, oldPath, newPath, now, cancellationToken);
        }

        latest.Status = ContentStatus.Published;
        latest.PublishedUtc = now;
        latest.ModifiedUtc = now;
        latest.Author = author ?? latest.Author;
        if (latest.Path is not null)
        {
            await db.RouteRedirects.Where(r => r.OldPath == latest.Path).ExecuteDeleteAsync(cancellationToken);
        }

        audit.Add(AuditActions.Published, latest.ContentType, contentItemId, latest.DisplayText, systemActor: ScheduledActor);
        await db.SaveChangesAsync(cancellationToken);
        await work.RaiseAsync(new ContentPublished(latest), cancellationToken);
        return latest;
    }

    /// <summary>Takes the item offline; its revisions stay, and publishing again brings it back.</summary>
    public async Task UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var published = await db.ContentItems.SingleOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Status == ContentStatus.Published, cancellationToken);
        if (published is null)
        {
            return;
        }

        await work.RunAsync(async () =>
        {
            published.Status = ContentStatus.Archived;
            audit.Add(AuditActions.Unpublished, published.ContentType, contentItemId, published.DisplayText, systemActor: ScheduledActor);
            await db.SaveChangesAsync(cancellationToken);
            await work.RaiseAsync(new ContentUnpublished(published), cancellationToken);
        }, cancellationToken);
        await cache.EvictAsync(tenant.Tenant.Name, cancellationToken);
    }

    /// <summary>Makes an old revision the latest draft again (to be reviewed, then published).</summary>
    public async Task<ContentItemRecord> RestoreAsync(long revisionId, string? author, CancellationToken cancellationToken = default)
    {
        var revision = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == revisionId, cancellationToken)
            ?? throw new ContentNotFoundException(CoreText.Format("ContentErrorNoRevision", revisionId));
        var draft = new ContentDraft(revision.ContentType, revision.ContentItemId, revision.DisplayText, revision.Path, revision.Data, revision.ContentDate);
        return await SaveRevisionAsync(draft, author, AuditActions.Restored, cancellationToken);
    }

    /// <summary>An item in the trash is neither edited nor published: it is restored from the trash first.</summary>
    private static void EnsureNotTrashed(IEnumerable<ContentItemRecord> versions)
    {
        if (versions.FirstOrDefault(v => v.TrashedUtc is not null) is { } trashed)
        {
            throw new ContentConflictException(CoreText.Format("ContentErrorInTrash", trashed.DisplayText));
        }
    }

    /// <summary>Publishes the latest revision at <paramref name="when"/>, even if the process restarts meanwhile.</summary>
    public Task SchedulePublishAsync(string contentItemId, DateTimeOffset when, CancellationToken cancellationToken = default) =>
        ScheduleAsync(PublishJob, contentItemId, when, cancellationToken);

    public Task ScheduleUnpublishAsync(string contentItemId, DateTimeOffset when, CancellationToken cancellationToken = default) =>
        ScheduleAsync(UnpublishJob, contentItemId, when, cancellationToken);

    private async Task ScheduleAsync(string kind, string contentItemId, DateTimeOffset when, CancellationToken cancellationToken)
    {
        if (!await db.ContentItems.AnyAsync(i => i.ContentItemId == contentItemId, cancellationToken))
        {
            throw new ContentNotFoundException(CoreText.Format("ContentErrorNotFound", contentItemId));
        }

        await jobs.CancelPendingAsync(tenant.Tenant.Name, kind, contentItemId, cancellationToken);
        await jobs.EnqueueAsync(tenant.Tenant.Name, kind, contentItemId, when.ToUniversalTime(), cancellationToken);
        var latest = await db.ContentItems.AsNoTracking().FirstAsync(i => i.ContentItemId == contentItemId && i.Latest, cancellationToken);
        var details = kind == PublishJob ? "publish" : "unpublish";
        audit.Add(AuditActions.Scheduled, latest.ContentType, contentItemId, latest.DisplayText, details + "@" + when.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Cancels the pending scheduled publication (or unpublication) of an item; false when none was pending.</summary>
    public async Task<bool> CancelScheduleAsync(string contentItemId, bool publish, CancellationToken cancellationToken = default)
    {
        var kind = publish ? PublishJob : UnpublishJob;
        if (await jobs.CancelPendingAsync(tenant.Tenant.Name, kind, contentItemId, cancellationToken) == 0)
        {
            return false;
        }

        var latest = await db.ContentItems.AsNoTracking().FirstAsync(i => i.ContentItemId == contentItemId && i.Latest, cancellationToken);
        audit.Add(AuditActions.ScheduleCancelled, latest.ContentType, contentItemId, latest.DisplayText, publish ? "publish" : "unpublish");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Refuses an address another item already answers on (published or being edited).</summary>
    private async Task EnsureAddressFreeAsync(string? path, string contentItemId, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return;
        }

        if (!Slugs.IsPath(path))
        {
            throw new ContentConflictException(CoreText.Format("ContentErrorInvalidPath", path));
        }

        var other = await db.ContentItems.AsNoTracking()
            .Where(i => i.Path == path && i.ContentItemId != contentItemId && (i.Status == ContentStatus.Published || i.Latest) && i.TrashedUtc == null)
            .Select(i => i.DisplayText)
            .FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            throw new ContentConflictException(CoreText.Format("ContentErrorPathTaken", path, other));
        }
    }

    /// <summary>The item and its published descendants move; each old address answers 301 to the new one.</summary>
    private async Task MoveAddressAsync(string contentItemId, string oldPath, string newPath, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await AddRedirectAsync(oldPath, contentItemId, now, cancellationToken);
        var prefix = oldPath + "/";
        var descendants = await db.ContentItems
            .Where(i => i.Path != null && i.Path.StartsWith(prefix) && (i.Status == ContentStatus.Published || i.Latest))
            .ToListAsync(cancellationToken);
        foreach (var item in descendants)
        {
            if (item.Status == ContentStatus.Published)
            {
                await AddRedirectAsync(item.Path!, item.ContentItemId, now, cancellationToken);
            }

            item.Path = newPath + "/" + item.Path![prefix.Length..];
        }
    }

    private async Task AddRedirectAsync(string oldPath, string contentItemId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.RouteRedirects.SingleOrDefaultAsync(r => r.OldPath == oldPath, cancellationToken);
        if (existing is null)
        {
            db.RouteRedirects.Add(new RouteRedirectRecord { OldPath = oldPath, ContentItemId = contentItemId, CreatedUtc = now });
        }
        else
        {
            existing.ContentItemId = contentItemId;
        }
    }
}

/// <summary>No item or revision with that id; answered 404.</summary>
public sealed class ContentNotFoundException(string message) : Exception(message)
{
    public ContentNotFoundException()
        : this(CoreText.Get("ContentErrorNotFoundGeneric"))
    {
    }

    public ContentNotFoundException(string message, Exception innerException)
        : this(message + " " + innerException.Message)
    {
    }
}
