namespace Municipal.Core.Content;

/// <summary>What restoring from the trash did: the new draft, and the address it had to take when its own was taken.</summary>
public sealed record TrashRestore(ContentItemRecord Draft, string? FormerPath, string? NewPath)
{
    public bool AddressChanged => FormerPath != NewPath;
}

/// <summary>
/// The trash: an item put there is offline at once (unpublished, its scheduled jobs cancelled), its address free
/// for others, and every version kept so that it can come back, as a draft, until an administrator deletes it.
/// </summary>
public sealed class ContentTrash(TenantDbContext db, TenantContext tenant, ContentManager manager, JobQueue jobs, PublicPageCache cache, AuditLog audit, TimeProvider clock, ContentUnitOfWork work)
{
    /// <summary>Suffixes tried ("-2" to "-99") for the address of a restored item whose own is taken.</summary>
    private const int MaxSuffix = 99;

    public async Task MoveToTrashAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var versions = await db.ContentItems.Where(i => i.ContentItemId == contentItemId).ToListAsync(cancellationToken);
        var latest = versions.SingleOrDefault(v => v.Latest) ?? throw new ContentNotFoundException(CoreText.Format("ContentErrorNotFound", contentItemId));
        if (latest.TrashedUtc is not null)
        {
            return;
        }

        await jobs.CancelPendingAsync(tenant.Tenant.Name, ContentManager.PublishJob, contentItemId, cancellationToken);
        await jobs.CancelPendingAsync(tenant.Tenant.Name, ContentManager.UnpublishJob, contentItemId, cancellationToken);
        var now = clock.GetUtcNow();
        await work.RunAsync(async () =>
        {
            var unpublished = versions.Where(v => v.Status == ContentStatus.Published).ToList();
            foreach (var version in unpublished)
            {
                version.Status = ContentStatus.Archived;
                audit.Add(AuditActions.Unpublished, version.ContentType, contentItemId, version.DisplayText);
            }

            foreach (var version in versions)
            {
                version.TrashedUtc = now;
            }

            latest.ReviewState = ReviewState.None;
            audit.Add(AuditActions.Trashed, latest.ContentType, contentItemId, latest.DisplayText);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var version in unpublished)
            {
                await work.RaiseAsync(new ContentUnpublished(version), cancellationToken);
            }

            await work.RaiseAsync(new ContentTrashed(latest), cancellationToken);
        }, cancellationToken);
        await cache.EvictAsync(tenant.Tenant.Name, cancellationToken);
    }

    /// <summary>Items in the trash (their latest version), the most recently trashed first.</summary>
    public async Task<IReadOnlyList<ContentItemRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.ContentItems.AsNoTracking().Where(i => i.Latest && i.TrashedUtc != null).ToListAsync(cancellationToken))
        .OrderByDescending(i => i.TrashedUtc).ThenBy(i => i.DisplayText, StringComparer.CurrentCulture)
        .ToList();

    public Task<ContentItemRecord?> GetTrashedAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Latest && i.TrashedUtc != null, cancellationToken);

    /// <summary>
    /// Takes the item out of the trash as a new draft of its latest version (never published: someone publishes it
    /// again on purpose). When another item took its address meanwhile, the draft gets the first free "-2", "-3"...
    /// </summary>
    public Task<TrashRestore> RestoreAsync(string contentItemId, string? author, CancellationToken cancellationToken = default) =>
        work.RunAsync(() => RestoreInUnitAsync(contentItemId, author, cancellationToken), cancellationToken);

    private async Task<TrashRestore> RestoreInUnitAsync(string contentItemId, string? author, CancellationToken cancellationToken)
    {
        var versions = await db.ContentItems.Where(i => i.ContentItemId == contentItemId).ToListAsync(cancellationToken);
        var latest = versions.SingleOrDefault(v => v.Latest && v.TrashedUtc != null)
            ?? throw new ContentNotFoundException(CoreText.Format("ContentErrorNotInTrash", contentItemId));
        foreach (var version in versions)
        {
            version.TrashedUtc = null;
        }

        var path = latest.Path is null ? null : await FreePathAsync(latest.Path, contentItemId, cancellationToken);
        var draft = new ContentDraft(latest.ContentType, contentItemId, latest.DisplayText, path, latest.Data, latest.ContentDate);
        var saved = await manager.SaveRevisionAsync(draft, author, AuditActions.Restored, cancellationToken);
        await work.RaiseAsync(new ContentRestored(saved), cancellationToken);
        return new TrashRestore(saved, latest.Path, path);
    }

    /// <summary>Deletes every version of an item of the trash, and the old addresses that pointed to it.</summary>
    public async Task DeleteForeverAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var latest = await GetTrashedAsync(contentItemId, cancellationToken)
            ?? throw new ContentNotFoundException(CoreText.Format("ContentErrorNotInTrash", contentItemId));
        await work.RunAsync(async () =>
        {
            await db.ContentItems.Where(i => i.ContentItemId == contentItemId).ExecuteDeleteAsync(cancellationToken);
            await db.RouteRedirects.Where(r => r.ContentItemId == contentItemId).ExecuteDeleteAsync(cancellationToken);
            audit.Add(AuditActions.Deleted, latest.ContentType, contentItemId, latest.DisplayText);
            await db.SaveChangesAsync(cancellationToken);
            await work.RaiseAsync(new ContentDeleted(latest), cancellationToken);
        }, cancellationToken);
    }

    /// <summary><paramref name="path"/> when no other item answers on it, else the first free "path-N".</summary>
    private async Task<string> FreePathAsync(string path, string contentItemId, CancellationToken cancellationToken)
    {
        for (var n = 1; n <= MaxSuffix; n++)
        {
            var candidate = n == 1 ? path : path + "-" + n.ToString(CultureInfo.InvariantCulture);
            var taken = await db.ContentItems.AsNoTracking().AnyAsync(
                i => i.Path == candidate && i.ContentItemId != contentItemId && (i.Status == ContentStatus.Published || i.Latest) && i.TrashedUtc == null,
                cancellationToken);
            if (!taken)
            {
                return candidate;
            }
        }

        throw new ContentConflictException(CoreText.Format("ContentErrorPathVariantsTaken", path, MaxSuffix));
    }
}
