using Municipal.Core.Sharing;
using Municipal.Events.Agendas;
using Municipal.Events.Occurrences;

namespace Municipal.Events.Sharing;

/// <summary>
/// What a published Event puts in the shared catalogue when its editor shared it: the event as stored (all its fields
/// are public), its facets (category, topics, audiences, venue, "free" and "accessible") and its occurrences. An event
/// not shared, or whose schedule cannot be expanded, is not in the catalogue.
/// </summary>
public sealed class EventSharedProjector : ISharedContentProjector
{
    public string ContentType => EventTypes.Event;

    public SharedEntry? Project(ContentItemRecord published, DateTimeOffset nowUtc)
    {
        var content = ContentStore.Read<EventContent>(published);
        if (!content.Shared)
        {
            return null;
        }

        IReadOnlyList<ExpandedOccurrence> occurrences;
        try
        {
            occurrences = OccurrenceExpander.Expand(content, nowUtc);
        }
        catch (ScheduleException)
        {
            return null;
        }

        var flags = new List<string>();
        if (content.Admission?.Free == true)
        {
            flags.Add(SharedEventFlags.Free);
        }

        if (content.Accessible)
        {
            flags.Add(SharedEventFlags.Accessible);
        }

        var venue = content.Venue;
        var facets = new SharedFacets(
            [content.Category],
            content.Taxonomy?.Topics ?? [],
            content.Taxonomy?.Audiences ?? [],
            venue?.PostalCode,
            venue?.Locality,
            venue?.Latitude,
            venue?.Longitude,
            flags);
        return new SharedEntry(
            content.Title,
            Slug(published),
            published.Data,
            facets,
            occurrences.Select(o => new SharedOccurrence(o.StartUtc, o.EndUtc, o.WholeDay, o.Status.ToString())).ToArray());
    }

    /// <summary>The last segment of the item's address ("evenements/marche-de-noel" → "marche-de-noel").</summary>
    private static string Slug(ContentItemRecord item) =>
        string.IsNullOrEmpty(item.Path) ? item.ContentItemId : item.Path[(item.Path.LastIndexOf('/') + 1)..];
}
