using Microsoft.EntityFrameworkCore;
using Municipal.Events.Storage;

namespace Municipal.Events.Occurrences;

/// <summary>
/// Keeps the occurrence index in step with publication, in the same transaction as the change: a published event's
/// rows are replaced by its new expansion; an unpublished, trashed or deleted event has none.
/// </summary>
public sealed class OccurrenceIndexer(EventsDbContext events, TimeProvider clock) : IContentEventHandler
{
    public async Task HandleAsync(ContentEvent change, ContentUnitOfWork work, CancellationToken cancellationToken)
    {
        if (change.Item.ContentType != EventTypes.Event || change is ContentSaved or ContentRestored)
        {
            return;
        }

        work.Enlist(events);
        await events.Occurrences.Where(o => o.ContentItemId == change.Item.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        if (change is ContentPublished published)
        {
            events.Occurrences.AddRange(Rows(published.Item, clock.GetUtcNow()));
            await events.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The index rows of one published version (also what a rebuild writes).</summary>
    public static IEnumerable<OccurrenceRecord> Rows(ContentItemRecord item, DateTimeOffset nowUtc)
    {
        var content = ContentStore.Read<EventContent>(item);
        var topics = SlugList.Join(content.Taxonomy?.Topics);
        var audiences = SlugList.Join(content.Taxonomy?.Audiences);
        var agendas = SlugList.Join(content.Agendas);
        return OccurrenceExpander.Expand(content, nowUtc).Select(o => new OccurrenceRecord
        {
            ContentItemId = item.ContentItemId,
            VersionId = item.Id,
            StartUtc = o.StartUtc,
            EndUtc = o.EndUtc,
            WholeDay = o.WholeDay,
            Status = o.Status,
            Title = content.Title,
            Path = item.Path ?? "",
            Category = content.Category,
            PostalCode = content.Venue?.PostalCode,
            Locality = content.Venue?.Locality,
            Free = content.Admission?.Free ?? false,
            Accessible = content.Accessible,
            Shared = content.Shared,
            Topics = topics,
            Audiences = audiences,
            Agendas = agendas,
        });
    }
}
