using System.Net;
using Municipal.Admin;
using Municipal.Core.Audit;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.ReviewTestContent;

namespace Municipal.Web.Tests.Admin;

/// <summary>The revision history, the word diff of a revision, and restoring an old one. SQLite and PostgreSQL.</summary>
public abstract class ReviewRevisionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task The_history_lists_every_revision_newest_first_with_date_author_and_status_in_words()
    {
        var name = await NewTenantAsync("history");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var first = await SaveAndPublishAsync(fixture, name, Page("horaires", "Horaires", "Ouvert le lundi matin"), "anne@example.be");
        var second = await SaveDraftAsync(fixture, name, Page("horaires", "Horaires", "Ouvert le mardi matin", first.ContentItemId), "bruno@example.be");

        var response = await author.Client.GetAsync(ContentAdminRoutes.Revisions(first.ContentItemId));
        var html = MainOf(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Historique de", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("bruno@example.be", StringComparison.Ordinal) < html.IndexOf("anne@example.be", StringComparison.Ordinal), "newest first");
        Assert.Contains("<span class=\"status-tag\">Brouillon</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status-tag\">Publiée</span>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ContentAdminRoutes.Revision(first.ContentItemId, second.Id)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"{ContentAdminRoutes.RestoreRevision(first.ContentItemId, first.Id)}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"{ContentAdminRoutes.RestoreRevision(first.ContentItemId, second.Id)}\"", html, StringComparison.Ordinal);

        // The date is Brussels time, written in French: "29 novembre 2026 à 14:05".
        var brussels = TimeZoneInfo.ConvertTime(second.ModifiedUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels"));
        var expected = brussels.ToString("d MMMM yyyy 'à' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("fr-BE"));
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revision_shows_the_changed_words_as_insertions_and_deletions_and_counts_the_unchanged_fields()
    {
        var name = await NewTenantAsync("diff");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var first = await SaveDraftAsync(fixture, name, Page("piscine", "Piscine", "Ouverte le <strong>lundi</strong> matin"), author.Email);
        var second = await SaveDraftAsync(fixture, name, Page("piscine", "Piscine", "Ouverte le <em>mardi</em> matin", first.ContentItemId), author.Email);

        var diff = MainOf(await author.Client.GetStringAsync(ContentAdminRoutes.Revision(first.ContentItemId, second.Id)));

        Assert.Contains("<dt>Texte</dt>", diff, StringComparison.Ordinal);
        Assert.Contains("Ouverte le <del><span class=\"visually-hidden\">supprimé : </span>lundi</del> <ins><span class=\"visually-hidden\">ajouté : </span>mardi</ins> matin", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>Titre</dt>", diff, StringComparison.Ordinal);
        Assert.Contains("autres champs n'ont pas changé", diff, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ContentAdminRoutes.Revision(first.ContentItemId, first.Id)}\"", diff, StringComparison.Ordinal);

        var firstPage = MainOf(await author.Client.GetStringAsync(ContentAdminRoutes.Revision(first.ContentItemId, first.Id)));
        Assert.Contains("C'est la première version de ce contenu", firstPage, StringComparison.Ordinal);
        Assert.Contains("<dt>Adresse</dt>", firstPage, StringComparison.Ordinal);
        Assert.Contains("/piscine</ins>", firstPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_an_old_revision_makes_a_new_draft_with_its_text_and_leaves_the_public_page_alone()
    {
        var name = await NewTenantAsync("restore");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var first = await SaveAndPublishAsync(fixture, name, Page("collectes", "Collectes", "Sacs bleus le mercredi"), "anne@example.be");
        await SaveAndPublishAsync(fixture, name, Page("collectes", "Collectes", "Sacs bleus le vendredi", first.ContentItemId), "bruno@example.be");
        var id = first.ContentItemId;

        var restored = await author.PostFormAsync(ContentAdminRoutes.Revisions(id), ContentAdminRoutes.RestoreRevision(id, first.Id), []);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(ContentAdminRoutes.Edit(id) + "?avis=revision-restauree", restored.Headers.Location?.OriginalString);
        var versions = await VersionsAsync(fixture, name, id);
        Assert.Equal(3, versions.Count);
        Assert.Equal(ContentStatus.Draft, versions[0].Status);
        Assert.True(versions[0].Latest);
        Assert.Equal(author.Email, versions[0].Author);
        Assert.Contains("Sacs bleus le mercredi", versions[0].Data, StringComparison.Ordinal);
        Assert.Contains("Sacs bleus le vendredi", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/collectes"), StringComparison.Ordinal);
        Assert.Equal(AuditActions.Restored, (await AuditActionsAsync(fixture, name, id))[^1]);
    }

    [Fact]
    public async Task A_revision_of_another_item_or_an_unknown_item_answers_404()
    {
        var name = await NewTenantAsync("missing");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var a = await SaveDraftAsync(fixture, name, Page("a", "A", "Texte A"), author.Email);
        var b = await SaveDraftAsync(fixture, name, Page("b", "B", "Texte B"), author.Email);

        Assert.Equal(HttpStatusCode.NotFound, (await author.Client.GetAsync(ContentAdminRoutes.Revision(a.ContentItemId, b.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.Client.GetAsync(ContentAdminRoutes.Revisions("inconnu"))).StatusCode);
        var restore = await author.PostFormAsync(ContentAdminRoutes.Revisions(a.ContentItemId), ContentAdminRoutes.RestoreRevision(a.ContentItemId, b.Id), []);
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        Assert.Contains("Contenu introuvable", await restore.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await VersionsAsync(fixture, name, a.ContentItemId));
    }

    [Fact]
    public async Task An_item_whose_id_holds_a_colon_and_a_slash_like_recipe_content_has_working_pages()
    {
        var name = await NewTenantAsync("slash");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var first = await SaveAndPublishAsync(fixture, name, Page("vivre/parc", "Parc", "Ouvert le lundi", "page:vivre/parc"), editor.Email);
        var second = await SaveDraftAsync(fixture, name, Page("vivre/parc", "Parc", "Ouvert le mardi", "page:vivre/parc"), editor.Email);
        const string id = "page:vivre/parc";

        Assert.StartsWith("/admin/contenus/page%3Avivre%2Fparc/", ContentAdminRoutes.Revisions(id), StringComparison.Ordinal);
        Assert.Contains("« Parc »", MainOf(await editor.Client.GetStringAsync(ContentAdminRoutes.Revisions(id))), StringComparison.Ordinal);
        Assert.Contains("<ins><span class=\"visually-hidden\">ajouté : </span>mardi</ins>", MainOf(await editor.Client.GetStringAsync(ContentAdminRoutes.Revision(id, second.Id))), StringComparison.Ordinal);

        var submitted = await editor.PostFormAsync(ContentAdminRoutes.Revisions(id), ContentAdminRoutes.Submit(id), new() { ["revision"] = second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("mardi</ins>", MainOf(await editor.Client.GetStringAsync(ContentAdminRoutes.Review(id))), StringComparison.Ordinal);

        var restored = await editor.PostFormAsync(ContentAdminRoutes.Revisions(id), ContentAdminRoutes.RestoreRevision(id, first.Id), []);
        Assert.Equal(ContentAdminRoutes.Edit(id) + "?avis=revision-restauree", restored.Headers.Location?.OriginalString);
        Assert.Equal(3, (await VersionsAsync(fixture, name, id)).Count);
    }

    [Fact]
    public async Task Each_revision_but_the_live_one_is_compared_with_the_version_online_and_without_one_there_is_no_such_link()
    {
        var name = await NewTenantAsync("live-diff");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var live = await SaveAndPublishAsync(fixture, name, Page("marche", "Marché", "Le marché a lieu le jeudi"), author.Email);
        var id = live.ContentItemId;
        var second = await SaveDraftAsync(fixture, name, Page("marche", "Marché", "Le marché a lieu le samedi", id), author.Email);
        var third = await SaveDraftAsync(fixture, name, Page("marche", "Marché", "Le marché a lieu le samedi matin", id), author.Email);
        string WithLive(long revision) => ContentAdminRoutes.Revision(id, revision) + "?avec=en-ligne";

        var list = MainOf(await author.Client.GetStringAsync(ContentAdminRoutes.Revisions(id)));
        Assert.Contains($"href=\"{WithLive(third.Id)}\">Comparer avec la version en ligne", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"{WithLive(second.Id)}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{WithLive(live.Id)}\"", list, StringComparison.Ordinal);

        var withLive = MainOf(await author.Client.GetStringAsync(WithLive(third.Id)));
        Assert.Contains("Par rapport à la version en ligne, du", withLive, StringComparison.Ordinal);
        Assert.Contains("jeudi</del>", withLive, StringComparison.Ordinal);
        Assert.Contains("matin</ins>", withLive, StringComparison.Ordinal);
        var withPrevious = MainOf(await author.Client.GetStringAsync(ContentAdminRoutes.Revision(id, third.Id)));
        Assert.DoesNotContain("jeudi</del>", withPrevious, StringComparison.Ordinal);

        var draftOnly = await SaveDraftAsync(fixture, name, Page("brocante", "Brocante", "Le dimanche"), author.Email);
        Assert.DoesNotContain("Comparer avec la version en ligne", MainOf(await author.Client.GetStringAsync(ContentAdminRoutes.Revisions(draftOnly.ContentItemId))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await author.Client.GetAsync(ContentAdminRoutes.Revision(draftOnly.ContentItemId, draftOnly.Id) + "?avec=en-ligne")).StatusCode);
    }

    private async Task<string> NewTenantAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name);
        return name;
    }
}

public sealed class ReviewRevisionTestsOnSqlite(SqliteFixture fixture) : ReviewRevisionTests<SqliteFixture>(fixture);

public sealed class ReviewRevisionTestsOnPostgres(PostgresFixture fixture) : ReviewRevisionTests<PostgresFixture>(fixture);
