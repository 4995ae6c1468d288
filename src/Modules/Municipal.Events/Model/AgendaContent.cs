namespace Municipal.Events.Model;

/// <summary>
/// An agenda (/agenda/&lt;slug&gt;): an introduction, and what feeds it: the tenant's own events (all of them, or those
/// that name this agenda), and events other tenants share, chosen by source tenant, category, topic or postal code.
/// </summary>
public sealed record AgendaContent(
    string Title,
    string? Intro,
    OwnEventsRule OwnEvents,
    IReadOnlyList<AgendaSource> Sources);

/// <summary>Which of the tenant's own events an agenda shows.</summary>
public enum OwnEventsRule
{
    /// <summary>Every published event of the tenant.</summary>
    All = 0,

    /// <summary>Only the events whose editor listed this agenda.</summary>
    Listed = 1,

    /// <summary>None: the agenda only relays other tenants.</summary>
    None = 2,
}

/// <summary>Events shared by one other tenant, narrowed by categories, topics and postal codes (empty: all of them).</summary>
public sealed record AgendaSource(
    string Tenant,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> PostalCodes);
