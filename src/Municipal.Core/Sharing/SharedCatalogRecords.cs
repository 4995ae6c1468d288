namespace Municipal.Core.Sharing;

/// <summary>
/// One shared item in the host database's catalogue: what its source tenant published and marked shared, keyed by
/// (<see cref="SourceTenant"/>, <see cref="ContentItemId"/>). List columns hold "|a|b|" (see <see cref="FacetList"/>).
/// </summary>
public sealed class SharedItemRecord
{
    public long Id { get; set; }

    public required string SourceTenant { get; set; }

    public required string ContentItemId { get; set; }

    public required string ContentType { get; set; }

    /// <summary>The published version copied (ContentItems.Id at the source).</summary>
    public long VersionId { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public required string DisplayJson { get; set; }

    public required string Categories { get; set; }

    public required string Topics { get; set; }

    public required string Audiences { get; set; }

    public string? PostalCode { get; set; }

    public string? Locality { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public required string Flags { get; set; }

    public DateTimeOffset PublishedUtc { get; set; }

    public List<SharedOccurrenceRecord> Occurrences { get; set; } = [];
}

/// <summary>One dated occurrence of a shared item; the type, source, title and filter facets are repeated so that an agenda reads one table.</summary>
public sealed class SharedOccurrenceRecord
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public required string SourceTenant { get; set; }

    public required string ContentType { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset StartUtc { get; set; }

    public DateTimeOffset? EndUtc { get; set; }

    public bool WholeDay { get; set; }

    public required string Status { get; set; }

    /// <summary>The item's facets the filters read, copied so that a filtered agenda reads this table alone (lists as <see cref="FacetList"/>).</summary>
    public required string Categories { get; set; }

    public required string Topics { get; set; }

    public required string Audiences { get; set; }

    public string? Locality { get; set; }

    public required string Flags { get; set; }
}

/// <summary>How far the catalogue has copied a tenant's change table: the last ContentChanges.Id relayed.</summary>
public sealed class SharedCursorRecord
{
    public required string TenantName { get; set; }

    public long LastChangeId { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}

/// <summary>Lists kept in one text column as "|a|b|", so that "contains b" is a LIKE on "%|b|%".</summary>
public static class FacetList
{
    public static string Join(IEnumerable<string>? values)
    {
        var list = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToArray() ?? [];
        return list.Length == 0 ? "|" : "|" + string.Join('|', list) + "|";
    }

    public static string Pattern(string value) => "%|" + value + "|%";

    public static IReadOnlyList<string> Split(string stored) => stored.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
