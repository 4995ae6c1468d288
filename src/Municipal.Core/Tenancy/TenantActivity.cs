namespace Municipal.Core.Tenancy;

/// <summary>When each tenant was last asked for, so idle tenants can give back their connections and caches.</summary>
public sealed class TenantActivity(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, long> _lastSeen = new(StringComparer.Ordinal);

    public void Touch(string tenantName) => _lastSeen[tenantName] = clock.GetTimestamp();

    /// <summary>
    /// Removes and returns the tenants not seen for <paramref name="idle"/>, and the least recently seen beyond
    /// <paramref name="maxActive"/>.
    /// </summary>
    public IReadOnlyList<string> TakeIdle(TimeSpan idle, int maxActive = int.MaxValue)
    {
        var released = new List<string>();
        var byAge = _lastSeen.ToArray().OrderBy(p => p.Value).ToList();
        var excess = byAge.Count - maxActive;
        foreach (var entry in byAge)
        {
            if ((excess > 0 || clock.GetElapsedTime(entry.Value) >= idle) && _lastSeen.TryRemove(entry))
            {
                released.Add(entry.Key);
                excess--;
            }
        }

        return released;
    }

    public int ActiveCount => _lastSeen.Count;
}
