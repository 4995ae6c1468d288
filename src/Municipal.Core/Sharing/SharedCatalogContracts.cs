using Municipal.Core.Content;

namespace Municipal.Core.Sharing;

/// <summary>
/// What a module says of a published item of one of its types that its editor marked as shared: the public display
/// model and the columns subscribers filter on. Null means "not shared" (or no longer): the catalogue drops the item.
/// Drafts and private fields never reach a projector's result.
/// </summary>
public interface ISharedContentProjector
{
    string ContentType { get; }

    /// <summary>
    /// <paramref name="published"/> is the item's published version; <paramref name="nowUtc"/> bounds the expansion of
    /// open-ended recurrences (two years ahead at most).
    /// </summary>
    SharedEntry? Project(ContentItemRecord published, DateTimeOffset nowUtc);
}

/// <summary>One shared item as the catalogue keeps it.</summary>
/// <param name="Title">What lists show.</param>
/// <param name="Slug">The item's slug at its source, used in the subscriber's address for it.</param>
/// <param name="DisplayJson">The public display model (the module's own record, serialized), read back only by that module.</param>
/// <param name="Facets">What subscribers select and filter on.</param>
/// <param name="Occurrences">Dated occurrences (events); empty for undated items (contacts, news).</param>
public sealed record SharedEntry(
    string Title,
    string Slug,
    string DisplayJson,
    SharedFacets Facets,
    IReadOnlyList<SharedOccurrence> Occurrences);

/// <summary>The index columns of a shared item. Lists hold slugs (categories) or term ids (topics, audiences).</summary>
/// <param name="Flags">Yes/no facts subscribers filter on: "free", "accessible" (events), facilities (contacts).</param>
public sealed record SharedFacets(
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Audiences,
    string? PostalCode,
    string? Locality,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<string> Flags);

/// <summary>One dated occurrence of a shared item (UTC instants; <paramref name="Status"/> is the module's own word).</summary>
public sealed record SharedOccurrence(DateTimeOffset StartUtc, DateTimeOffset? EndUtc, bool WholeDay, string Status);

/// <summary>What a subscriber selects from one source tenant; an empty list means "any".</summary>
public sealed record SharedSourceRule(
    string Tenant,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> PostalCodes);

/// <summary>Filters on the shared items' columns, applied after the source rules. Null or empty means "any".</summary>
public sealed record SharedFilter(
    string? Category = null,
    string? Topic = null,
    string? Audience = null,
    string? Locality = null,
    IReadOnlyList<string>? RequiredFlags = null);

/// <summary>A shared item as a subscriber reads it: its source (tenant name and display name) and what the source published.</summary>
public sealed record SharedItem(
    string SourceTenant,
    string SourceDisplayName,
    string ContentItemId,
    string ContentType,
    string Title,
    string Slug,
    string DisplayJson,
    SharedFacets Facets,
    DateTimeOffset PublishedUtc);

/// <summary>One occurrence of a shared item, with its item.</summary>
public sealed record SharedOccurrenceHit(SharedItem Item, SharedOccurrence Occurrence);

/// <summary>A page of results and how many there are in all.</summary>
public sealed record SharedPage<T>(IReadOnlyList<T> Items, int Total);

/// <summary>
/// The shared catalogue in the host database, as subscribers read it. Only items of running tenants other than the
/// reader are ever returned; a source tenant named in no rule is never read.
/// </summary>
public interface ISharedCatalog
{
    /// <summary>Occurrences starting in [fromUtc, toUtc), ordered by start then title, of items of <paramref name="contentType"/> the rules select.</summary>
    Task<SharedPage<SharedOccurrenceHit>> OccurrencesAsync(
        string readerTenant, string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter,
        DateTimeOffset fromUtc, DateTimeOffset toUtc, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Items of <paramref name="contentType"/> the rules select, ordered by title (contacts, news: undated lists).</summary>
    Task<SharedPage<SharedItem>> ItemsAsync(
        string readerTenant, string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter,
        int skip, int take, CancellationToken cancellationToken);

    /// <summary>One shared item of a source by its slug, if it is shared now and its source tenant is running.</summary>
    Task<SharedItem?> FindAsync(string sourceTenant, string contentType, string slug, CancellationToken cancellationToken);

    /// <summary>The next occurrences of one shared item from <paramref name="fromUtc"/>.</summary>
    Task<IReadOnlyList<SharedOccurrence>> OccurrencesOfAsync(string sourceTenant, string contentItemId, DateTimeOffset fromUtc, int take, CancellationToken cancellationToken);

    /// <summary>The running tenants that share items of <paramref name="contentType"/>, with how many (the sources an agenda editor can choose).</summary>
    Task<IReadOnlyList<SharedSourceSummary>> SourcesAsync(string readerTenant, string contentType, CancellationToken cancellationToken);
}

/// <summary>A tenant that shares items of one type, and how many.</summary>
public sealed record SharedSourceSummary(string Tenant, string DisplayName, int Count);
