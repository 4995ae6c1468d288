using System.Collections.Frozen;

namespace Municipal.Core.Sharing;

/// <summary>
/// Copies what tenants share into the catalogue of the host database. For one tenant it reads the change table after
/// the tenant's cursor, in order; for each item of a type with a registered <see cref="ISharedContentProjector"/> it
/// loads the item's current published version (never a draft) and replaces the item's catalogue rows by the projection,
/// or removes them (unpublished, trashed, deleted, no longer shared); then it advances the cursor, in the same host
/// transaction. Replaying changes is harmless: a row only says "look at this item again".
/// It runs after each content operation commits (<see cref="SharedCatalogCommitHandler"/>), for every running tenant
/// at start-up and periodically (<see cref="SharedCatalogCatchUp"/>), and when a tenant is enabled again.
/// </summary>
public sealed partial class SharedCatalogRelay(
    IServiceScopeFactory scopes, TenantRegistry registry, IEnumerable<ISharedContentProjector> projectors, PublicPageCache cache,
    TimeProvider clock, ILogger<SharedCatalogRelay> logger)
{
    /// <summary>Changes read per host transaction.</summary>
    public const int BatchSize = 200;

    private readonly FrozenDictionary<string, ISharedContentProjector> byType =
        projectors.ToFrozenDictionary(p => p.ContentType, StringComparer.Ordinal);

    // One relay at a time per tenant on this node (the request's, the catch-up's, an enable's).
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    /// <summary>True when some module shares items of <paramref name="contentType"/>.</summary>
    public bool IsShared(string contentType) => byType.ContainsKey(contentType);

    /// <summary>Copies the tenant's changes since its cursor; returns how many catalogue items were written or removed.</summary>
    public async Task<int> RelayAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        var gate = gates.GetOrAdd(tenant.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        int touched;
        try
        {
            touched = await RelayLockedAsync(tenant, cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        if (touched > 0)
        {
            await cache.EvictSharedAsync(cancellationToken);
        }

        return touched;
    }

    /// <summary>A pass over every running tenant (start-up, the periodic catch-up, tests); one failing tenant does not stop the others.</summary>
    public async Task<int> CatchUpAllAsync(CancellationToken cancellationToken = default)
    {
        var lookup = await registry.GetLookupAsync(cancellationToken);
        var touched = 0;
        foreach (var tenant in lookup.All.Where(t => t.State == TenantState.Running).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            try
            {
                touched += await RelayAsync(tenant, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRelayFailed(logger, ex, tenant.Name);
            }
        }

        return touched;
    }

    /// <summary>
    /// Removes everything a tenant shares, and its cursor (disabled or deleted: at once; enabled again: before the
    /// whole change table is copied anew).
    /// </summary>
    public async Task RemoveSourceAsync(string tenantName, CancellationToken cancellationToken = default)
    {
        var gate = gates.GetOrAdd(tenantName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var host = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await using var transaction = await host.Database.BeginTransactionAsync(cancellationToken);
            await host.SharedOccurrences.Where(o => o.SourceTenant == tenantName).ExecuteDeleteAsync(cancellationToken);
            await host.SharedItems.Where(i => i.SourceTenant == tenantName).ExecuteDeleteAsync(cancellationToken);
            await host.SharedCursors.Where(c => c.TenantName == tenantName).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        await cache.EvictSharedAsync(cancellationToken);
    }

    private async Task<int> RelayLockedAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var host = scope.ServiceProvider.GetRequiredService<HostDbContext>();

        // Read from the host database, not the registry's cache: a tenant disabled a moment ago shares nothing.
        var state = await host.Tenants.AsNoTracking().Where(t => t.Name == tenant.Name).Select(t => (TenantState?)t.State).SingleOrDefaultAsync(cancellationToken);
        if (state != TenantState.Running)
        {
            return 0;
        }

        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var touched = 0;
        while (true)
        {
            var cursor = await host.SharedCursors.SingleOrDefaultAsync(c => c.TenantName == tenant.Name, cancellationToken);
            var after = cursor?.LastChangeId ?? 0;
            var changes = await db.ContentChanges.AsNoTracking()
                .Where(c => c.Id > after).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (changes.Count == 0)
            {
                return touched;
            }

            var items = changes.Where(c => byType.ContainsKey(c.ContentType)).Select(c => c.ContentItemId).Distinct(StringComparer.Ordinal).ToArray();
            var published = items.Length == 0
                ? []
                : await db.ContentItems.AsNoTracking()
                    .Where(i => items.Contains(i.ContentItemId) && i.Status == ContentStatus.Published && i.TrashedUtc == null)
                    .ToListAsync(cancellationToken);

            await using var transaction = await host.Database.BeginTransactionAsync(cancellationToken);
            foreach (var id in items)
            {
                var version = published.FirstOrDefault(i => i.ContentItemId == id && byType.ContainsKey(i.ContentType));
                touched += await ReplaceAsync(host, tenant.Name, id, version, cancellationToken);
            }

            if (cursor is null)
            {
                cursor = new SharedCursorRecord { TenantName = tenant.Name };
                host.SharedCursors.Add(cursor);
            }

            cursor.LastChangeId = changes[^1].Id;
            cursor.UpdatedUtc = clock.GetUtcNow();
            await host.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            host.ChangeTracker.Clear();
        }
    }

    /// <summary>Replaces one item's rows by the projection of <paramref name="version"/> (none: removes them); 1 when the catalogue changed.</summary>
    private async Task<int> ReplaceAsync(HostDbContext host, string source, string contentItemId, ContentItemRecord? version, CancellationToken cancellationToken)
    {
        var entry = version is null ? null : byType[version.ContentType].Project(version, clock.GetUtcNow());
        var existing = await host.SharedItems.AsNoTracking()
            .Where(i => i.SourceTenant == source && i.ContentItemId == contentItemId).Select(i => (long?)i.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } itemId)
        {
            await host.SharedOccurrences.Where(o => o.ItemId == itemId).ExecuteDeleteAsync(cancellationToken);
            await host.SharedItems.Where(i => i.Id == itemId).ExecuteDeleteAsync(cancellationToken);
        }

        if (entry is null || version is null)
        {
            return existing is null ? 0 : 1;
        }

        host.SharedItems.Add(ToRecord(source, version, entry));
        await host.SaveChangesAsync(cancellationToken);
        return 1;
    }

    private static SharedItemRecord ToRecord(string source, ContentItemRecord version, SharedEntry entry) => new()
    {
        SourceTenant = source,
        ContentItemId = version.ContentItemId,
        ContentType = version.ContentType,
        VersionId = version.Id,
        Title = entry.Title,
        Slug = entry.Slug,
        DisplayJson = entry.DisplayJson,
        Categories = FacetList.Join(entry.Facets.Categories),
        Topics = FacetList.Join(entry.Facets.Topics),
        Audiences = FacetList.Join(entry.Facets.Audiences),
        PostalCode = entry.Facets.PostalCode,
        Locality = entry.Facets.Locality,
        Latitude = entry.Facets.Latitude,
        Longitude = entry.Facets.Longitude,
        Flags = FacetList.Join(entry.Facets.Flags),
        PublishedUtc = version.PublishedUtc ?? version.ModifiedUtc,
        Occurrences = entry.Occurrences.Select(o => new SharedOccurrenceRecord
        {
            SourceTenant = source,
            ContentType = version.ContentType,
            Title = entry.Title,
            StartUtc = o.StartUtc,
            EndUtc = o.EndUtc,
            WholeDay = o.WholeDay,
            Status = o.Status,
            Categories = FacetList.Join(entry.Facets.Categories),
            Topics = FacetList.Join(entry.Facets.Topics),
            Audiences = FacetList.Join(entry.Facets.Audiences),
            Locality = entry.Facets.Locality,
            Flags = FacetList.Join(entry.Facets.Flags),
        }).ToList(),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Copying the shared items of tenant {Tenant} failed; the next pass tries again")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, string tenant);
}

/// <summary>Runs the relay for the tenant right after one of its content operations committed, when it concerns a shared type.</summary>
public sealed class SharedCatalogCommitHandler(SharedCatalogRelay relay, TenantContext tenant) : IContentCommitHandler
{
    public async Task CommittedAsync(IReadOnlyList<ContentEvent> changes, CancellationToken cancellationToken)
    {
        if (tenant.Current is { } current && changes.Any(c => c is not ContentSaved && relay.IsShared(c.Item.ContentType)))
        {
            await relay.RelayAsync(current, cancellationToken);
        }
    }
}

/// <summary>
/// The catch-up: a relay pass over every running tenant at start-up and then every minute, repairing what a failed
/// relay after a commit missed. Off when background work is (<c>Municipal:Jobs:RunInBackground</c> false, the web
/// tests): they call <see cref="SharedCatalogRelay.CatchUpAllAsync"/> themselves.
/// </summary>
public sealed partial class SharedCatalogCatchUp(SharedCatalogRelay relay, IOptions<MunicipalOptions> options, ILogger<SharedCatalogCatchUp> logger) : BackgroundService
{
    public static readonly TimeSpan PassInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Jobs.RunInBackground)
        {
            return;
        }

        using var timer = new PeriodicTimer(PassInterval);
        do
        {
            try
            {
                await relay.CatchUpAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The shared catalogue's catch-up pass failed; it is tried again at the next pass")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
