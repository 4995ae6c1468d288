using System.Collections.Frozen;

namespace Municipal.Core.Tenancy;

/// <summary>
/// The tenants as the host database knows them, cached for request resolution. A change made by this process
/// is seen at once; a change made by another process (the CLI, another node) within <see cref="RefreshInterval"/>.
/// </summary>
public sealed class TenantRegistry(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile TenantLookup? _lookup;
    private long _loadedAt;

    public async ValueTask<TenantLookup> GetLookupAsync(CancellationToken cancellationToken = default)
    {
        var lookup = _lookup;
        if (lookup is not null && clock.GetElapsedTime(Interlocked.Read(ref _loadedAt)) < RefreshInterval)
        {
            return lookup;
        }

        await _reload.WaitAsync(cancellationToken);
        try
        {
            lookup = _lookup;
            if (lookup is not null && clock.GetElapsedTime(Interlocked.Read(ref _loadedAt)) < RefreshInterval)
            {
                return lookup;
            }

            var started = clock.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            var records = await db.Tenants.AsNoTracking().Include(t => t.Hosts).ToListAsync(cancellationToken);
            lookup = new TenantLookup(records.Select(r => r.ToSnapshot()).ToArray());
            _lookup = lookup;
            Interlocked.Exchange(ref _loadedAt, started);
            return lookup;
        }
        finally
        {
            _reload.Release();
        }
    }

    public async ValueTask<Tenant?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetLookupAsync(cancellationToken)).ByName.GetValueOrDefault(name);

    public void Dispose() => _reload.Dispose();

    /// <summary>Forget the cache: the next lookup reads the host database.</summary>
    public void Invalidate() => _lookup = null;
}

/// <summary>An immutable index of the tenants by name, host and path prefix.</summary>
public sealed class TenantLookup
{
    public TenantLookup(IReadOnlyList<Tenant> tenants)
    {
        All = tenants;
        ByName = tenants.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        ByHost = tenants.SelectMany(t => t.Hosts.Select(h => (h, t))).ToFrozenDictionary(p => p.h, p => p.t, StringComparer.OrdinalIgnoreCase);
        ByPrefix = tenants.Where(t => t.PathPrefix is not null).ToFrozenDictionary(t => t.PathPrefix!, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Tenant> All { get; }

    public FrozenDictionary<string, Tenant> ByName { get; }

    public FrozenDictionary<string, Tenant> ByHost { get; }

    public FrozenDictionary<string, Tenant> ByPrefix { get; }
}
