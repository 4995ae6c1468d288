using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Events.Model;
using Municipal.Events.Occurrences;
using Municipal.Events.Storage;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Events.EventTestContent;

namespace Municipal.Web.Tests.Events;

/// <summary>The occurrence index rebuilt from the published events: the rows publication writes, and an open-ended rule extended when time has moved on.</summary>
public abstract class OccurrenceRebuildTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_rebuild_writes_the_rows_publication_wrote_and_extends_open_ended_rules_to_the_new_horizon()
    {
        var name = fixture.NewTenantName("rebuild");
        await fixture.CreateTenantAsync(name);
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        await PublishAsync(scope, "marche", Event("Marché", new EventSchedule(Local(fixture, 1, 8), Local(fixture, 1, 12), Recurrence: "FREQ=WEEKLY")));
        await PublishAsync(scope, "concert", Event("Concert", new EventSchedule(Local(fixture, 3, 20), null), "concert"));
        await SaveDraftAsync(scope, "brouillon", Event("Brouillon", new EventSchedule(Local(fixture, 4, 20), null)));
        var events = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var published = await Snapshot(events);

        var result = await scope.ServiceProvider.GetRequiredService<OccurrenceRebuilder>().RebuildAsync(CancellationToken.None);

        Assert.Equal(new OccurrenceRebuild(2, published.Count, 0), result);
        Assert.Equal(published, await Snapshot(events));

        fixture.Clock.Advance(TimeSpan.FromDays(28));
        await scope.ServiceProvider.GetRequiredService<OccurrenceRebuilder>().RebuildAsync(CancellationToken.None);
        var extended = await Snapshot(events);
        Assert.True(extended.Where(r => r.Title == "Marché").Max(r => r.Start) > published.Where(r => r.Title == "Marché").Max(r => r.Start).AddDays(21));
    }

    private static async Task<List<(string Title, DateTimeOffset Start)>> Snapshot(EventsDbContext events) =>
        (await events.Occurrences.AsNoTracking().Select(o => new { o.Title, o.StartUtc }).ToListAsync())
            .Select(o => (o.Title, o.StartUtc)).OrderBy(o => o.StartUtc).ThenBy(o => o.Title, StringComparer.Ordinal).ToList();
}

public sealed class OccurrenceRebuildTestsOnSqlite(SqliteFixture fixture) : OccurrenceRebuildTests<SqliteFixture>(fixture);

public sealed class OccurrenceRebuildTestsOnPostgres(PostgresFixture fixture) : OccurrenceRebuildTests<PostgresFixture>(fixture);
