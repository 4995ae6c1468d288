using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Audit;
using Municipal.Core.Content;
using Municipal.Core.Storage;
using Municipal.Core.Tenancy;
using Municipal.Pages.Model;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Content;

/// <summary>
/// The lifecycle events a module handles (an index of event dates, a search index): typed, in order, and inside the
/// change's transaction, so that a module's table never disagrees with what is published. SQLite and PostgreSQL.
/// </summary>
public abstract class ContentEventTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task Every_change_of_an_item_reaches_the_handlers_as_a_typed_event_in_order()
    {
        var seen = new SeenEvents();
        await using var app = fixture.StartApp(services: s =>
        {
            s.AddSingleton(seen);
            s.AddScoped<IContentEventHandler, RecordingHandler>();
        });
        var name = await NewTenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(app.Services, name);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var trash = scope.ServiceProvider.GetRequiredService<ContentTrash>();
        seen.Clear();

        var item = await manager.SaveAndPublishAsync(Page("marche", "Marché", "Le jeudi"), "anne@x.be");
        await manager.UnpublishAsync(item.ContentItemId);
        await manager.PublishAsync(item.ContentItemId, "anne@x.be");
        await trash.MoveToTrashAsync(item.ContentItemId);
        await trash.RestoreAsync(item.ContentItemId, "anne@x.be");
        await trash.MoveToTrashAsync(item.ContentItemId);
        await trash.DeleteForeverAsync(item.ContentItemId);

        Assert.Equal(
            ["ContentSaved", "ContentPublished", "ContentUnpublished", "ContentPublished", "ContentUnpublished", "ContentTrashed",
             "ContentSaved", "ContentRestored", "ContentTrashed", "ContentDeleted"],
            seen.Names);
        Assert.All(seen.Events, e => Assert.Equal(item.ContentItemId, e.Item.ContentItemId));
        Assert.Equal(
            [ContentStatus.Draft, ContentStatus.Published, ContentStatus.Archived, ContentStatus.Published, ContentStatus.Archived, ContentStatus.Archived,
             ContentStatus.Draft, ContentStatus.Draft, ContentStatus.Draft, ContentStatus.Draft],
            seen.Statuses);
    }

    [Fact]
    public async Task What_a_handler_writes_is_stored_with_the_publication_and_a_failing_handler_undoes_both()
    {
        var seen = new SeenEvents();
        await using var app = fixture.StartApp(services: s =>
        {
            s.AddSingleton(seen);
            s.AddScoped<IContentEventHandler, IndexingHandler>();
        });
        var name = await NewTenantAsync();
        var client = fixture.ClientFor($"{name}.localhost");
        await using var scope = await StorageFixture.TenantScopeAsync(app.Services, name);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();

        await manager.SaveAndPublishAsync(Page("piscine", "Piscine", "Ouverte"), null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/piscine")).StatusCode);
        Assert.Equal(1, await IndexedAsync(scope, "Piscine"));

        // The handler refuses titles containing "refus": the publication and the handler's own row are both undone.
        var refused = await manager.SaveDraftAsync(Page("stade", "Stade refusé", "Fermé"), null);
        await Assert.ThrowsAsync<InvalidOperationException>(() => manager.PublishAsync(refused.ContentItemId, null));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/stade")).StatusCode);
        Assert.Equal(0, await IndexedAsync(scope, "Stade refusé"));
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        Assert.Equal(ContentStatus.Draft, (await store.RevisionsAsync(refused.ContentItemId)).Single().Status);

        // The scope goes on working after the refusal.
        await manager.SaveAndPublishAsync(Page("parc", "Parc", "Ouvert"), null);
        Assert.Equal(1, await IndexedAsync(scope, "Parc"));
    }

    private static async Task<int> IndexedAsync(AsyncServiceScope scope, string title)
    {
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        return await db.AuditLog.AsNoTracking().CountAsync(a => a.Action == IndexingHandler.Action && a.ObjectName == title);
    }

    private async Task<string> NewTenantAsync()
    {
        var name = fixture.NewTenantName("events");
        await fixture.CreateTenantAsync(name);
        return name;
    }

    private static ContentDraft Page(string path, string title, string body) =>
        new(PageTypes.Page, null, title, path, ContentStore.Serialize(new PageContent(title, null, RichText.FromMarkdown(body))));
}

public sealed class SeenEvents
{
    private readonly List<ContentEvent> events = [];
    private readonly List<ContentStatus> statuses = [];

    /// <summary>The status of each event's version when the handler saw it (the record itself may change later).</summary>
    public IReadOnlyList<ContentStatus> Statuses
    {
        get
        {
            lock (events)
            {
                return statuses.ToArray();
            }
        }
    }

    public IReadOnlyList<ContentEvent> Events
    {
        get
        {
            lock (events)
            {
                return events.ToArray();
            }
        }
    }

    public IReadOnlyList<string> Names => Events.Select(e => e.GetType().Name).ToArray();

    public void Add(ContentEvent change)
    {
        lock (events)
        {
            events.Add(change);
            statuses.Add(change.Item.Status);
        }
    }

    public void Clear()
    {
        lock (events)
        {
            events.Clear();
            statuses.Clear();
        }
    }
}

public sealed class RecordingHandler(SeenEvents seen) : IContentEventHandler
{
    public Task HandleAsync(ContentEvent change, ContentUnitOfWork work, CancellationToken cancellationToken)
    {
        seen.Add(change);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A module's index kept on a context of its own (here a second core context, on its own connection until
/// enlisted): one row per publication, written in the publication's transaction.
/// </summary>
public sealed class IndexingHandler(DatabaseConfigurator configurator, TenantContext tenant) : IContentEventHandler
{
    public const string Action = "test-indexed";

    public async Task HandleAsync(ContentEvent change, ContentUnitOfWork work, CancellationToken cancellationToken)
    {
        if (change is not ContentPublished published)
        {
            return;
        }

        await using var index = new TenantDbContext(configurator.TenantOptions<TenantDbContext>(tenant.Tenant.Name, "__CoreMigrations"));
        work.Enlist(index);
        index.AuditLog.Add(new AuditRecord
        {
            AtUtc = published.Item.ModifiedUtc,
            Actor = "index",
            Action = Action,
            ObjectType = published.Item.ContentType,
            ObjectId = published.Item.ContentItemId,
            ObjectName = published.Item.DisplayText,
        });
        await index.SaveChangesAsync(cancellationToken);
        if (published.Item.DisplayText.Contains("refus", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Refused by the index.");
        }
    }
}

public sealed class ContentEventTestsOnSqlite(SqliteFixture fixture) : ContentEventTests<SqliteFixture>(fixture);

public sealed class ContentEventTestsOnPostgres(PostgresFixture fixture) : ContentEventTests<PostgresFixture>(fixture);
