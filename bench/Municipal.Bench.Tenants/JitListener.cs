using System.Diagnostics.Tracing;

namespace Municipal.Bench.Tenants;

/// <summary>
/// Optional (--jit-profile): listens to the runtime's own JIT events in this process and counts the methods
/// compiled while it records, by declaring type, so code that is compiled again for each tenant shows up.
/// </summary>
internal sealed class JitListener : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int DynamicMethodFlag = 0x1;

    // The runtime's event encoding of the tier (not the debugger's one, which has more values).
    private static readonly string[] TierNames = ["unknown", "min-opts", "optimized", "tier0", "tier1", "tier1-osr", "tier0-instrumented", "tier1-instrumented"];

    private readonly Dictionary<string, int> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byTier = new(StringComparer.Ordinal);
    private volatile bool _recording;
    private int _dynamic;
    private int _total;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    public (int Total, int Dynamic, string Tiers, IReadOnlyList<(string Type, int Count)> Top) Read(int top)
    {
        lock (_byType)
        {
            var tiers = string.Join(", ", _byTier.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"));
            return (_total, _dynamic, tiers, _byType.OrderByDescending(p => p.Value).Take(top).Select(p => (p.Key, p.Value)).ToList());
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName is null || !eventData.EventName.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var type = Field(eventData, "MethodNamespace")?.ToString() ?? "?";
        var flags = Convert.ToInt64(Field(eventData, "MethodFlags") ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        lock (_byType)
        {
            _total++;
            // Bits 7-9 of the flags: the optimization tier the method was compiled at.
            var tier = (int)((flags >> 7) & 0x7);
            var tierName = tier < TierNames.Length ? TierNames[tier] : tier.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _byTier[tierName] = _byTier.GetValueOrDefault(tierName) + 1;
            if ((flags & DynamicMethodFlag) != 0)
            {
                _dynamic++;
                type = ("(dynamic method) " + Field(eventData, "MethodName")).TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            }

            var key = Shorten(type);
            _byType[key] = _byType.GetValueOrDefault(key) + 1;
        }
    }

    private static object? Field(EventWrittenEventArgs e, string name)
    {
        var index = e.PayloadNames?.IndexOf(name) ?? -1;
        return index >= 0 ? e.Payload![index] : null;
    }

    /// <summary>Generic arguments and long namespaces make the list unreadable: keep the outer type.</summary>
    private static string Shorten(string type)
    {
        var generic = type.IndexOf('[', StringComparison.Ordinal);
        var outer = generic > 0 ? type[..generic] : type;
        return outer.Length > 110 ? outer[..110] : outer;
    }
}
