using Microsoft.Extensions.Caching.Memory;

namespace Municipal.Core.Content;

/// <summary>
/// Small, often-read data of a tenant (settings, menus) kept in memory between requests: every rendered page
/// needs them (bench/render: 3 of the 5 queries of a page). Entries are keyed by the tenant's generation, which
/// any publication of the tenant bumps, so a change is seen at once on this node; on other nodes within
/// <see cref="TimeToLive"/>. Values are immutable records, safe to share between requests.
/// </summary>
public sealed class TenantDataCache(IMemoryCache cache)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public async Task<T> GetOrLoadAsync<T>(string tenantName, string key, Func<Task<T>> load)
        where T : class
    {
        var generation = _generations.GetValueOrDefault(tenantName);
        var cacheKey = (tenantName, generation, key);
        if (cache.TryGetValue(cacheKey, out T? value) && value is not null)
        {
            return value;
        }

        value = await load();
        cache.Set(cacheKey, value, TimeToLive);
        return value;
    }

    /// <summary>Everything cached for the tenant is forgotten (old entries expire on their own).</summary>
    public void Invalidate(string tenantName) => _generations.AddOrUpdate(tenantName, 1, (_, g) => g + 1);
}
