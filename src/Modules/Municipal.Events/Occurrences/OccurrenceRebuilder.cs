using Microsoft.EntityFrameworkCore;
using Municipal.Core.Storage;
using Municipal.Events.Storage;

namespace Municipal.Events.Occurrences;

/// <summary>What a rebuild did: events expanded, rows written, events whose schedule could not be expanded (left without rows).</summary>
public sealed record OccurrenceRebuild(int Events, int Occurrences, int Failed);

/// <summary>
/// Rebuilds the tenant's occurrence index from every published event, with the same rows publication writes
/// (<see cref="OccurrenceIndexer.Rows"/>): after a bulk import, or when the two-year horizon of open-ended rules has
/// moved on. One transaction: readers see the old index or the new one, never half of it.
/// </summary>
public sealed class OccurrenceRebuilder(EventsDbContext events, TenantDbContext content, TimeProvider clock)
{
    private const int Batch = 500;

    public async Task<OccurrenceRebuild> RebuildAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (count, rows, failed) = (0, 0, 0);
        await using var transaction = await events.Database.BeginTransactionAsync(cancellationToken);
        await events.Occurrences.ExecuteDeleteAsync(cancellationToken);
        var afterId = 0L;
        while (true)
        {
            var items = await content.ContentItems.AsNoTracking()
                .Where(i => i.ContentType == EventTypes.Event && i.Status == ContentStatus.Published && i.TrashedUtc == null && i.Id > afterId)
                .OrderBy(i => i.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (items.Count == 0)
            {
                break;
            }

            foreach (var item in items)
            {
                try
                {
                    var expanded = OccurrenceIndexer.Rows(item, now).ToList();
                    events.Occurrences.AddRange(expanded);
                    rows += expanded.Count;
                    count++;
                }
                catch (ScheduleException)
                {
                    failed++;
                }
            }

            await events.SaveChangesAsync(cancellationToken);
            events.ChangeTracker.Clear();
            afterId = items[^1].Id;
        }

        await transaction.CommitAsync(cancellationToken);
        return new OccurrenceRebuild(count, rows, failed);
    }
}
