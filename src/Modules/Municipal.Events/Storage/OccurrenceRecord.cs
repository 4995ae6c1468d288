namespace Municipal.Events.Storage;

/// <summary>
/// One occurrence of a published event of this tenant, expanded from its schedule when it was published: the agenda,
/// the feeds and the API read these rows and never expand a rule at request time. The filter columns are copied from
/// the event so that one indexed table answers every filter; lists are stored as "|a|b|" for a portable LIKE.
/// </summary>
public sealed class OccurrenceRecord
{
    public long Id { get; set; }

    public required string ContentItemId { get; set; }

    /// <summary>The content version (ContentItemRecord.Id) the row was expanded from.</summary>
    public long VersionId { get; set; }

    public DateTimeOffset StartUtc { get; set; }

    public DateTimeOffset? EndUtc { get; set; }

    public bool WholeDay { get; set; }

    public EventStatus Status { get; set; }

    public required string Title { get; set; }

    public required string Path { get; set; }

    public required string Category { get; set; }

    public string? PostalCode { get; set; }

    public string? Locality { get; set; }

    public bool Free { get; set; }

    public bool Accessible { get; set; }

    public bool Shared { get; set; }

    public required string Topics { get; set; }

    public required string Audiences { get; set; }

    /// <summary>The agendas (slugs) the event's editor listed it in.</summary>
    public required string Agendas { get; set; }
}

/// <summary>How lists of slugs are kept in one text column: "|a|b|", so that "contains b" is LIKE '%|b|%' on every database.</summary>
public static class SlugList
{
    public static string Join(IEnumerable<string>? values)
    {
        var list = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToArray() ?? [];
        return list.Length == 0 ? "|" : "|" + string.Join('|', list) + "|";
    }

    public static string Pattern(string value) => "%|" + value + "|%";

    public static IReadOnlyList<string> Split(string stored) => stored.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
