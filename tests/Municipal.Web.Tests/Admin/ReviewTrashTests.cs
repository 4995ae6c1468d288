using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin;
using Municipal.Core.Audit;
using Municipal.Core.Background;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.ReviewTestContent;

namespace Municipal.Web.Tests.Admin;

/// <summary>The trash: offline at once, address freed, restored as a draft, deleted for good by administrators. SQLite and PostgreSQL.</summary>
public abstract class ReviewTrashTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task Trashing_takes_a_published_page_offline_frees_its_address_and_restoring_brings_it_back_as_a_draft()
    {
        var name = await NewTenantAsync("trash");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var visitor = fixture.ClientFor($"{name}.localhost");
        var item = await SaveAndPublishAsync(fixture, name, Page("parc", "Parc communal", "Ouvert tous les jours"), editor.Email);
        var id = item.ContentItemId;
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/parc")).StatusCode);

        var trashed = await editor.PostFormAsync(ContentAdminRoutes.Revisions(id), ContentAdminRoutes.MoveToTrash(id), []);

        Assert.Equal(HttpStatusCode.Redirect, trashed.StatusCode);
        var list = MainOf(await editor.Client.GetStringAsync(trashed.Headers.Location!.OriginalString));
        Assert.Contains("« Parc communal » a été mis à la corbeille", list, StringComparison.Ordinal);
        Assert.Contains("<td>Parc communal</td>", list, StringComparison.Ordinal);
        Assert.Contains("<td>Page</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Supprimer définitivement", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/parc")).StatusCode);
        Assert.All(await VersionsAsync(fixture, name, id), v => Assert.NotNull(v.TrashedUtc));
        Assert.Equal([AuditActions.Created, AuditActions.Published, AuditActions.Unpublished, AuditActions.Trashed], await AuditActionsAsync(fixture, name, id));

        // While in the trash it is neither edited nor published.
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await Assert.ThrowsAsync<ContentConflictException>(() => manager.PublishAsync(id, editor.Email));
        }

        // Its address is free: another page takes it.
        var other = await SaveAndPublishAsync(fixture, name, Page("parc", "Parc à conteneurs", "Ouvert le samedi"), editor.Email);
        Assert.Contains("Ouvert le samedi", await visitor.GetStringAsync("/parc"), StringComparison.Ordinal);

        // Restored: a draft (not public) at "parc-2", and the page says why.
        var restored = await editor.PostFormAsync(ContentAdminRoutes.Trash, ContentAdminRoutes.RestoreFromTrash(id), []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var notice = MainOf(await editor.Client.GetStringAsync(restored.Headers.Location!.OriginalString));
        Assert.Contains("« Parc communal » a été restauré en brouillon, à l'adresse /parc-2 : son adresse /parc est maintenant utilisée par un autre contenu.", notice, StringComparison.Ordinal);
        Assert.Contains("La corbeille est vide.", notice, StringComparison.Ordinal);
        var latest = await LatestAsync(fixture, name, id);
        Assert.Equal(ContentStatus.Draft, latest.Status);
        Assert.Equal("parc-2", latest.Path);
        Assert.All(await VersionsAsync(fixture, name, id), v => Assert.Null(v.TrashedUtc));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/parc-2")).StatusCode);
        Assert.Contains("Ouvert le samedi", await visitor.GetStringAsync("/parc"), StringComparison.Ordinal);
        Assert.Equal(AuditActions.Restored, (await AuditActionsAsync(fixture, name, id))[^1]);
        Assert.Equal(ContentStatus.Published, (await LatestAsync(fixture, name, other.ContentItemId)).Status);
    }

    [Fact]
    public async Task Restoring_keeps_the_address_when_it_is_still_free()
    {
        var name = await NewTenantAsync("free");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var item = await SaveAndPublishAsync(fixture, name, Page("sport", "Sport", "Hall omnisports"), editor.Email);
        await editor.PostFormAsync(ContentAdminRoutes.Revisions(item.ContentItemId), ContentAdminRoutes.MoveToTrash(item.ContentItemId), []);

        var restored = await editor.PostFormAsync(ContentAdminRoutes.Trash, ContentAdminRoutes.RestoreFromTrash(item.ContentItemId), []);

        Assert.Contains("« Sport » a été restauré en brouillon : publiez-le", MainOf(await editor.Client.GetStringAsync(restored.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        var latest = await LatestAsync(fixture, name, item.ContentItemId);
        Assert.Equal("sport", latest.Path);
        Assert.Equal(ContentStatus.Draft, latest.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor($"{name}.localhost").GetAsync("/sport")).StatusCode);
    }

    [Fact]
    public async Task Trashing_cancels_the_scheduled_publication()
    {
        var name = await NewTenantAsync("jobs");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var item = await SaveDraftAsync(fixture, name, Page("fete", "Fête de la musique", "Le 21 juin"), editor.Email);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().SchedulePublishAsync(item.ContentItemId, fixture.Clock.GetUtcNow().AddDays(3));
        }

        var jobs = fixture.App.Services.GetRequiredService<IServiceScopeFactory>();
        Assert.Contains(await PendingAsync(jobs, name), j => j.Kind == ContentManager.PublishJob && j.Payload == item.ContentItemId);

        await editor.PostFormAsync(ContentAdminRoutes.Revisions(item.ContentItemId), ContentAdminRoutes.MoveToTrash(item.ContentItemId), []);

        Assert.DoesNotContain(await PendingAsync(jobs, name), j => j.Payload == item.ContentItemId);
    }

    [Fact]
    public async Task Only_an_administrator_deletes_for_good_after_confirming()
    {
        var name = await NewTenantAsync("delete");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var administrator = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);
        var item = await SaveAndPublishAsync(fixture, name, Page("ancien", "Ancien règlement", "Abrogé"), editor.Email);
        var id = item.ContentItemId;
        var delete = $"{ContentAdminRoutes.Trash}/{id}/supprimer";
        await editor.PostFormAsync(ContentAdminRoutes.Revisions(id), ContentAdminRoutes.MoveToTrash(id), []);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.GetAsync(delete)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync(ContentAdminRoutes.Trash, delete, new() { ["confirm"] = "true" })).StatusCode);

        var list = MainOf(await administrator.Client.GetStringAsync(ContentAdminRoutes.Trash));
        Assert.Contains($"href=\"{delete}\"", list, StringComparison.Ordinal);
        var unconfirmed = await administrator.PostFormAsync(delete, delete, []);
        var unconfirmedHtml = await unconfirmed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("<a href=\"#confirm\">", unconfirmedHtml, StringComparison.Ordinal);
        Assert.Single(await VersionsAsync(fixture, name, id));

        var deleted = await administrator.PostFormAsync(delete, delete, new() { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("Le contenu a été supprimé définitivement.", MainOf(await administrator.Client.GetStringAsync(deleted.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        Assert.Empty(await VersionsAsync(fixture, name, id));
        Assert.Equal(AuditActions.Deleted, (await AuditActionsAsync(fixture, name, id))[^1]);
    }

    [Fact]
    public async Task A_page_that_is_not_in_the_trash_cannot_be_deleted_for_good()
    {
        var name = await NewTenantAsync("kept");
        var administrator = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);
        var item = await SaveAndPublishAsync(fixture, name, Page("mairie", "Mairie", "Place communale"), administrator.Email);
        var delete = $"{ContentAdminRoutes.Trash}/{item.ContentItemId}/supprimer";

        Assert.Equal(HttpStatusCode.NotFound, (await administrator.Client.GetAsync(delete)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await administrator.PostFormAsync(ContentAdminRoutes.Trash, delete, new() { ["confirm"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ClientFor($"{name}.localhost").GetAsync("/mairie")).StatusCode);
    }

    private static async Task<IReadOnlyList<JobRecord>> PendingAsync(IServiceScopeFactory scopes, string tenant)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(tenant);
    }

    private async Task<string> NewTenantAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name);
        return name;
    }
}

public sealed class ReviewTrashTestsOnSqlite(SqliteFixture fixture) : ReviewTrashTests<SqliteFixture>(fixture);

public sealed class ReviewTrashTestsOnPostgres(PostgresFixture fixture) : ReviewTrashTests<PostgresFixture>(fixture);
