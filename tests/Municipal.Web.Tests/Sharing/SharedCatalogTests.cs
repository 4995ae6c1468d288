using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Display;
using Municipal.Core.Sharing;
using Municipal.Core.Storage;
using Municipal.Core.Tenancy;
using Municipal.Events.Agendas;
using Municipal.Events.Model;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Sharing;

/// <summary>
/// The shared catalogue between municipalities: a shared, published event of one tenant is in another's agenda as
/// soon as the publication returns; drafts, unshared, unpublished and trashed events never are; disabling or deleting
/// the source removes its events; the catch-up repairs a missed copy and changes nothing when run again.
/// SQLite and PostgreSQL, on the fixture's clock.
/// </summary>
public abstract class SharedCatalogTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_shared_published_event_is_in_the_subscribers_agenda_as_soon_as_the_publication_returns_and_nothing_else_is()
    {
        var (source, reader) = await TwoTenantsAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, source);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var trash = scope.ServiceProvider.GetRequiredService<ContentTrash>();

        var shared = await manager.SaveAndPublishAsync(Event("marche-de-noel", "Marché de Noël", shared: true), "anne@x.be");
        var draft = await manager.SaveDraftAsync(Event("brouillon", "Brouillon partagé", shared: true), "anne@x.be");
        await manager.SaveAndPublishAsync(Event("interne", "Réunion interne", shared: false), "anne@x.be");
        var unpublished = await manager.SaveAndPublishAsync(Event("retire", "Concert retiré", shared: true), "anne@x.be");
        await manager.UnpublishAsync(unpublished.ContentItemId);
        var trashed = await manager.SaveAndPublishAsync(Event("jete", "Brocante jetée", shared: true), "anne@x.be");
        await trash.MoveToTrashAsync(trashed.ContentItemId);
        // A new draft of the shared event stays home: the catalogue keeps the published title.
        await manager.SaveDraftAsync(Event("marche-de-noel", "Titre pas encore publié", shared: true) with { ContentItemId = shared.ContentItemId }, "anne@x.be");

        var page = await AgendaAsync(reader, source);
        var hit = Assert.Single(page.Items);
        Assert.Equal(1, page.Total);
        Assert.Equal(("Marché de Noël", source, $"Commune de {source}"), (hit.Title, hit.Source, hit.SourceDisplayName));
        Assert.Equal(SharedEventPaths.Path(source, "marche-de-noel"), hit.Path);
        Assert.Equal(Start(), hit.StartUtc);

        await using (var readerScope = await StorageFixture.TenantScopeAsync(fixture.App.Services, reader))
        {
            var catalog = readerScope.ServiceProvider.GetRequiredService<ISharedCatalog>();
            var found = await catalog.FindAsync(source, EventTypes.Event, "marche-de-noel", default);
            Assert.NotNull(found);
            Assert.Equal(["free"], found.Facets.Flags);
            Assert.Equal("5000", found.Facets.PostalCode);
            Assert.Contains("\"shared\":true", found.DisplayJson, StringComparison.Ordinal);
            foreach (var slug in new[] { "brouillon", "interne", "retire", "jete" })
            {
                Assert.Null(await catalog.FindAsync(source, EventTypes.Event, slug, default));
            }

            // The source never reads its own events from the catalogue.
            var own = await catalog.OccurrencesAsync(source, EventTypes.Event, [Rule(source)], new SharedFilter(), Now(), Now().AddDays(30), 0, 10, default);
            Assert.Equal(0, own.Total);
        }

        // The change table has a row per publication, unpublication and trashing, none for the drafts.
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var kinds = await db.ContentChanges.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.ContentItemId, c.Kind }).ToListAsync();
        Assert.Equal([ContentChangeKind.Published], kinds.Where(k => k.ContentItemId == shared.ContentItemId).Select(k => k.Kind));
        Assert.Equal([ContentChangeKind.Published, ContentChangeKind.Unpublished], kinds.Where(k => k.ContentItemId == unpublished.ContentItemId).Select(k => k.Kind));
        Assert.Equal(
            [ContentChangeKind.Published, ContentChangeKind.Unpublished, ContentChangeKind.Trashed],
            kinds.Where(k => k.ContentItemId == trashed.ContentItemId).Select(k => k.Kind));
        Assert.DoesNotContain(kinds, k => k.ContentItemId == draft.ContentItemId);
    }

    [Fact]
    public async Task The_subscribers_rules_and_filters_select_by_source_category_postal_code_and_flags()
    {
        var (source, reader) = await TwoTenantsAsync();
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, source))
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await manager.SaveAndPublishAsync(Event("marche", "Marché", shared: true), null);
            await manager.SaveAndPublishAsync(Event("concert", "Concert", shared: true, category: "concert", postalCode: "6000", free: false, hoursLater: 2), null);
        }

        Assert.Equal(["Marché", "Concert"], Titles(await AgendaAsync(reader, source)));
        Assert.Equal(["Concert"], Titles(await AgendaAsync(reader, source, categories: ["concert"])));
        Assert.Equal(["Marché"], Titles(await AgendaAsync(reader, source, postalCodes: ["5000"])));
        Assert.Equal(["Marché"], Titles(await AgendaAsync(reader, source, filter: f => f with { FreeOnly = true })));
        Assert.Equal(["Concert"], Titles(await AgendaAsync(reader, source, filter: f => f with { Category = "concert" })));
        Assert.Empty(Titles(await AgendaAsync(reader, source, filter: f => f with { FromUtc = Start().AddDays(1), ToUtc = Start().AddDays(2) })));

        // Paging: ordered by start, the total counts them all.
        var second = await AgendaAsync(reader, source, skip: 1, take: 1);
        Assert.Equal(["Concert"], Titles(second));
        Assert.Equal(2, second.Total);
    }

    [Fact]
    public async Task Disabling_the_source_removes_its_events_enabling_copies_them_again_and_deleting_removes_them()
    {
        var (source, reader) = await TwoTenantsAsync();
        await PublishSharedAsync(source, "foire", "Foire aux livres");
        var provisioner = fixture.App.Services.GetRequiredService<TenantProvisioner>();

        await provisioner.DisableAsync(source, default);
        Assert.Equal(0, await CatalogueRowsAsync(source));
        Assert.Empty((await AgendaAsync(reader, source)).Items);

        await provisioner.EnableAsync(source, default);
        Assert.Equal(1, await CatalogueRowsAsync(source));
        Assert.Equal(["Foire aux livres"], Titles(await AgendaAsync(reader, source)));

        await provisioner.DeleteAsync(source, default);
        Assert.Equal(0, await CatalogueRowsAsync(source));
        Assert.Empty((await AgendaAsync(reader, source)).Items);
    }

    [Fact]
    public async Task The_catch_up_copies_what_a_missed_relay_left_and_a_second_pass_changes_nothing()
    {
        var (source, reader) = await TwoTenantsAsync();
        await PublishSharedAsync(source, "balade", "Balade nature");

        // A relay that never ran: the catalogue lost the row, the cursor is back at the start.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var host = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await host.SharedItems.Where(i => i.SourceTenant == source).ExecuteDeleteAsync();
            await host.SharedCursors.Where(c => c.TenantName == source).ExecuteUpdateAsync(c => c.SetProperty(r => r.LastChangeId, 0L));
        }

        Assert.Empty((await AgendaAsync(reader, source)).Items);
        var relay = fixture.App.Services.GetRequiredService<SharedCatalogRelay>();
        Assert.True(await relay.CatchUpAllAsync() >= 1);
        Assert.Equal(["Balade nature"], Titles(await AgendaAsync(reader, source)));
        var before = await SnapshotAsync(source);

        Assert.Equal(0, await relay.CatchUpAllAsync());
        Assert.Equal(before, await SnapshotAsync(source));
    }

    [Fact]
    public async Task A_publication_of_a_shared_event_evicts_the_cached_pages_of_every_tenant()
    {
        var (source, _) = await TwoTenantsAsync();
        var store = fixture.App.Services.GetRequiredService<IOutputCacheStore>();
        await store.SetAsync("page-of-a-subscriber", [1, 2, 3], [PublicPageCache.SharedCatalogTag], TimeSpan.FromMinutes(5), default);
        Assert.NotNull(await store.GetAsync("page-of-a-subscriber", default));

        await PublishSharedAsync(source, "cinema", "Cinéma en plein air");

        Assert.Null(await store.GetAsync("page-of-a-subscriber", default));
    }

    [Fact]
    public async Task A_failure_after_the_commit_never_fails_the_editors_publication()
    {
        var (source, reader) = await TwoTenantsAsync();
        await using var app = fixture.StartApp(services: s => s.AddScoped<IContentCommitHandler, FailingCommitHandler>());
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, source))
        {
            var published = await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveAndPublishAsync(Event("kermesse", "Kermesse", shared: true), null);
            Assert.Equal(ContentStatus.Published, published.Status);
        }

        Assert.Equal(["Kermesse"], Titles(await AgendaAsync(reader, source)));
    }

    private async Task<(string Source, string Reader)> TwoTenantsAsync()
    {
        var source = fixture.NewTenantName("source");
        var reader = fixture.NewTenantName("reader");
        await fixture.CreateTenantAsync(source);
        await fixture.CreateTenantAsync(reader);
        return (source, reader);
    }

    private async Task PublishSharedAsync(string tenant, string slug, string title)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveAndPublishAsync(Event(slug, title, shared: true), null);
    }

    private async Task<AgendaPage> AgendaAsync(
        string reader, string source, IReadOnlyList<string>? categories = null, IReadOnlyList<string>? postalCodes = null,
        Func<AgendaFilter, AgendaFilter>? filter = null, int skip = 0, int take = 20)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, reader);
        var query = scope.ServiceProvider.GetRequiredService<AgendaQuery>();
        var agenda = new AgendaScope(OwnEventsRule.None, null, [new AgendaSource(source, categories ?? [], [], postalCodes ?? [])]);
        var window = new AgendaFilter(Now(), Now().AddDays(30));
        return await query.FindAsync(agenda, filter is null ? window : filter(window), skip, take, default);
    }

    private async Task<int> CatalogueRowsAsync(string source)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HostDbContext>().SharedItems.CountAsync(i => i.SourceTenant == source);
    }

    private async Task<string> SnapshotAsync(string source)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var host = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var items = await host.SharedItems.AsNoTracking().Where(i => i.SourceTenant == source).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.VersionId, i.Title }).ToListAsync();
        var occurrences = await host.SharedOccurrences.AsNoTracking().Where(o => o.SourceTenant == source).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.StartUtc }).ToListAsync();
        var cursor = await host.SharedCursors.AsNoTracking().Where(c => c.TenantName == source).Select(c => c.LastChangeId).SingleAsync();
        return string.Join(';', items) + "/" + string.Join(';', occurrences) + "/" + cursor;
    }

    private static string[] Titles(AgendaPage page) => page.Items.Select(i => i.Title).ToArray();

    private static SharedSourceRule Rule(string tenant) => new(tenant, [], [], []);

    private DateTimeOffset Now() => fixture.Clock.GetUtcNow();

    /// <summary>The events' start: 14:00 Brussels time, three days from the fixture's clock.</summary>
    private DateTimeOffset Start() => BrusselsTime.FromLocal(BrusselsTime.Date(Now()).AddDays(3), new TimeOnly(14, 0));

    private ContentDraft Event(
        string slug, string title, bool shared, string category = "marche", string postalCode = "5000", bool free = true, int hoursLater = 0)
    {
        var start = BrusselsTime.ToLocal(Start().AddHours(hoursLater)).DateTime;
        var content = new EventContent(
            title,
            "Sur la place",
            RichText.FromMarkdown("Venez nombreux."),
            new EventSchedule(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), DateTime.SpecifyKind(start.AddHours(1), DateTimeKind.Unspecified)),
            category,
            Venue: new EventVenue("Place communale", PostalCode: postalCode, Locality: "Namur", Latitude: 50.46, Longitude: 4.87),
            Admission: new EventAdmission(free),
            Shared: shared);
        return new ContentDraft(EventTypes.Event, null, title, $"{EventTypes.EventPath}/{slug}", ContentStore.Serialize(content));
    }
}

/// <summary>A commit handler that always fails (a catalogue out of reach).</summary>
public sealed class FailingCommitHandler : IContentCommitHandler
{
    public Task CommittedAsync(IReadOnlyList<ContentEvent> changes, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Catalogue out of reach.");
}

public sealed class SharedCatalogTestsOnSqlite(SqliteFixture fixture) : SharedCatalogTests<SqliteFixture>(fixture);

public sealed class SharedCatalogTestsOnPostgres(PostgresFixture fixture) : SharedCatalogTests<PostgresFixture>(fixture);
