using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Storage;
using Municipal.Pages.Model;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Content;

/// <summary>Drafts, publication, revisions, addresses and redirects, as visitors see them. SQLite and PostgreSQL.</summary>
public abstract class ContentVersionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_draft_is_invisible_until_published_and_a_new_draft_does_not_replace_the_published_version()
    {
        var (name, client) = await NewTenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();

        var draft = await manager.SaveDraftAsync(Page("primes", "Primes", "Première version"), "redacteur@x.be");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/primes")).StatusCode);

        await manager.PublishAsync(draft.ContentItemId, "editeur@x.be");
        Assert.Contains("Première version", await client.GetStringAsync("/primes"), StringComparison.Ordinal);

        await manager.SaveDraftAsync(Page("primes", "Primes", "Deuxième version") with { ContentItemId = draft.ContentItemId }, "redacteur@x.be");
        Assert.Contains("Première version", await client.GetStringAsync("/primes"), StringComparison.Ordinal);

        await manager.PublishAsync(draft.ContentItemId, "editeur@x.be");
        var page = await client.GetStringAsync("/primes");
        Assert.Contains("Deuxième version", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Première version", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_save_is_a_revision_with_author_and_an_old_one_can_be_restored()
    {
        var (name, client) = await NewTenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();

        var first = await manager.SaveAndPublishAsync(Page("horaires", "Horaires", "Lundi au vendredi"), "anne@x.be");
        await manager.SaveAndPublishAsync(Page("horaires", "Horaires", "Fermé le samedi") with { ContentItemId = first.ContentItemId }, "bruno@x.be");
        var revisions = await store.RevisionsAsync(first.ContentItemId);

        Assert.Equal(2, revisions.Count);
        Assert.Equal(["bruno@x.be", "anne@x.be"], revisions.Select(r => r.Author));
        Assert.Equal([ContentStatus.Published, ContentStatus.Archived], revisions.Select(r => r.Status));

        var restored = await manager.RestoreAsync(revisions[^1].Id, "claire@x.be");
        Assert.Equal(ContentStatus.Draft, restored.Status);
        Assert.Contains("Fermé le samedi", await client.GetStringAsync("/horaires"), StringComparison.Ordinal);
        await manager.PublishAsync(first.ContentItemId, "claire@x.be");
        Assert.Contains("Lundi au vendredi", await client.GetStringAsync("/horaires"), StringComparison.Ordinal);
        Assert.Equal(3, (await store.RevisionsAsync(first.ContentItemId)).Count);
    }

    [Fact]
    public async Task An_unpublished_item_answers_404_to_visitors()
    {
        var (name, client) = await NewTenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.SaveAndPublishAsync(Page("travaux", "Travaux", "Rue barrée"), null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/travaux")).StatusCode);

        await manager.UnpublishAsync(item.ContentItemId);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/travaux")).StatusCode);
    }

    [Fact]
    public async Task A_changed_address_answers_301_from_the_old_one_for_the_page_and_its_children()
    {
        var (name, client) = await NewTenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var parent = await manager.SaveAndPublishAsync(Page("environnement", "Environnement", "Parent"), null);
        await manager.SaveAndPublishAsync(Page("environnement/dechets", "Déchets", "Enfant"), null);

        await manager.SaveAndPublishAsync(Page("cadre-de-vie", "Cadre de vie", "Parent renommé") with { ContentItemId = parent.ContentItemId }, null);

        var old = await client.GetAsync("/environnement?x=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/cadre-de-vie?x=1", old.Headers.Location?.OriginalString);
        var child = await client.GetAsync("/environnement/dechets");
        Assert.Equal(HttpStatusCode.MovedPermanently, child.StatusCode);
        Assert.Equal("/cadre-de-vie/dechets", child.Headers.Location?.OriginalString);
        Assert.Contains("Enfant", await client.GetStringAsync("/cadre-de-vie/dechets"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_already_taken_is_refused_with_a_message_and_nothing_is_overwritten()
    {
        var (name, client) = await NewTenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();

        var ex = await Assert.ThrowsAsync<ContentConflictException>(() => manager.SaveDraftAsync(Page("contact", "Contact bis", "Autre"), null));

        Assert.Contains("/contact", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Contact et horaires", ex.Message, StringComparison.Ordinal);
        Assert.Contains("8 h 30", await client.GetStringAsync("/contact"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rich_text_is_sanitized_when_saved_and_never_executed()
    {
        var (name, client) = await NewTenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        const string Hostile = """
            <p onclick="steal()">Texte<script>alert(1)</script></p><a href="javascript:alert(2)">lien</a>
            <style>body{display:none}</style><svg onload="alert(3)"><circle/></svg><math><mi>x</mi></math>
            <img src="x" onerror="alert(4)" alt="image"><a href="https://www.wallonie.be">Wallonie</a>
            """;
        var content = new PageContent("Piège", null, RichText.FromHtml(Hostile));

        await manager.SaveAndPublishAsync(new ContentDraft(PageTypes.Page, null, "Piège", "piege", ContentStore.Serialize(content)), null);

        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var stored = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Path == "piege");
        var html = await client.GetStringAsync("/piege");
        foreach (var text in new[] { stored.Data, html })
        {
            foreach (var forbidden in new[] { "<script", "onclick", "onerror", "onload", "javascript:", "<style", "<svg", "<math", "steal()" })
            {
                Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Contains("href=\"https://www.wallonie.be\"", html, StringComparison.Ordinal);
        Assert.Contains("Texte", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_change_evicts_the_cached_pages_of_its_tenant_only()
    {
        var (name, client) = await NewTenantAsync();
        var (otherName, otherClient) = await NewTenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        await using var otherScope = await StorageFixture.TenantScopeAsync(fixture.App.Services, otherName);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.SaveAndPublishAsync(Page("piscine", "Piscine", "Ouverte"), null);
        var otherItem = await otherScope.ServiceProvider.GetRequiredService<ContentManager>().SaveAndPublishAsync(Page("piscine", "Piscine", "Ouverte"), null);
        Assert.Contains("Ouverte", await client.GetStringAsync("/piscine"), StringComparison.Ordinal);
        Assert.Contains("Ouverte", await otherClient.GetStringAsync("/piscine"), StringComparison.Ordinal);

        // Changes written behind the engine's back are not seen: both pages come from the cache.
        await ChangeBehindTheCacheAsync(scope, item.Id);
        await ChangeBehindTheCacheAsync(otherScope, otherItem.Id);
        Assert.Contains("Ouverte", await client.GetStringAsync("/piscine"), StringComparison.Ordinal);
        Assert.Contains("Ouverte", await otherClient.GetStringAsync("/piscine"), StringComparison.Ordinal);

        await manager.SaveAndPublishAsync(Page("piscine", "Piscine", "Fermée pour travaux") with { ContentItemId = item.ContentItemId }, null);

        Assert.Contains("Fermée pour travaux", await client.GetStringAsync("/piscine"), StringComparison.Ordinal);
        // The other tenant's page still comes from its cache: had it been evicted, the change behind its back would show.
        var other = await otherClient.GetStringAsync("/piscine");
        Assert.Contains("Ouverte", other, StringComparison.Ordinal);
        Assert.DoesNotContain("Modifiée en douce", other, StringComparison.Ordinal);
    }

    private static async Task ChangeBehindTheCacheAsync(AsyncServiceScope scope, long itemId)
    {
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var row = await db.ContentItems.SingleAsync(i => i.Id == itemId);
        row.Data = row.Data.Replace("Ouverte", "Modifiée en douce", StringComparison.Ordinal);
        await db.SaveChangesAsync();
    }

    private async Task<(string Name, HttpClient Client)> NewTenantAsync()
    {
        var name = fixture.NewTenantName("content");
        await fixture.CreateTenantAsync(name);
        return (name, fixture.ClientFor($"{name}.localhost"));
    }

    private static ContentDraft Page(string path, string title, string body) =>
        new(PageTypes.Page, null, title, path, ContentStore.Serialize(new PageContent(title, null, RichText.FromMarkdown(body))));
}

public sealed class ContentVersionTestsOnSqlite(SqliteFixture fixture) : ContentVersionTests<SqliteFixture>(fixture);

public sealed class ContentVersionTestsOnPostgres(PostgresFixture fixture) : ContentVersionTests<PostgresFixture>(fixture);
