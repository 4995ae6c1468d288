using System.Collections.Concurrent;

namespace Municipal.Core.Tenancy;

/// <summary>When each tenant was last asked for, so idle tenants can give back their connections and caches.</summary>
public sealed class TenantActivity(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, long> _lastSeen = new(StringComparer.Ordinal);

    public void Touch(string tenantName) => _lastSeen[tenantName] = clock.GetTimestamp();

    /// <summary>Removes and returns the tenants not seen for <paramref name="idle"/>.</summary>
    public IReadOnlyList<string> TakeIdle(TimeSpan idle)
    {
        var released = new List<string>();
        foreach (var (name, seen) in _lastSeen)
        {
            if (clock.GetElapsedTime(seen) >= idle && _lastSeen.TryRemove(new KeyValuePair<string, long>(name, seen)))
            {
                released.Add(name);
            }
        }

        return released;
    }

    public int ActiveCount => _lastSeen.Count;
}
