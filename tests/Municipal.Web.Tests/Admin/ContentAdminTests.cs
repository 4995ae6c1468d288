using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Core.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>The content back office by role: list, new and edit forms, publish, unpublish. SQLite and PostgreSQL.</summary>
public abstract class ContentAdminTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string NewPage = ContentAdminRoutes.New + "?type=Page";

    [Fact]
    public async Task An_agent_may_not_open_the_list_and_does_not_see_it_in_the_navigation()
    {
        var name = await NewTenantAsync("agent");
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync(ContentAdminRoutes.List)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync(NewPage)).StatusCode);
        Assert.DoesNotContain(">Contenus</a>", await agent.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_saves_a_draft_but_may_not_publish_unpublish_or_schedule_it()
    {
        var name = await NewTenantAsync("author");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var visitor = fixture.ClientFor($"{name}.localhost");

        var created = await ContentForm.SubmitAsync(author, NewPage, NewPage, new() { ["title"] = "Plaine de jeux", ["body"] = "Ouverte tous les jours." });
        var id = ContentForm.ItemId(created);
        var edit = await author.Client.GetStringAsync(created.Headers.Location!.OriginalString);

        Assert.Contains("Le brouillon a été enregistré", edit, StringComparison.Ordinal);
        Assert.Contains("Soumettre pour relecture", edit, StringComparison.Ordinal);
        Assert.Contains($"action=\"{ContentAdminRoutes.Submit(id)}\"", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer et publier", edit, StringComparison.Ordinal);
        Assert.DoesNotContain(ContentAdminRoutes.Schedule(id), edit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync(ContentAdminRoutes.Edit(id), ContentAdminRoutes.Publish(id), [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync(ContentAdminRoutes.Edit(id), ContentAdminRoutes.Unpublish(id), [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync(ContentAdminRoutes.Edit(id), ContentAdminRoutes.Schedule(id), new() { ["date"] = "2099-01-01", ["time"] = "08:00", ["what"] = "publish" })).StatusCode);
        var sneaky = await ContentForm.SubmitAsync(author, ContentAdminRoutes.Edit(id), ContentAdminRoutes.Edit(id), new() { ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Forbidden, sneaky.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/plaine-de-jeux")).StatusCode);
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<Core.Background.JobQueue>().PendingAsync(name));
    }

    [Fact]
    public async Task An_editor_creates_edits_publishes_and_unpublishes_a_page_the_public_sees()
    {
        var name = await NewTenantAsync("editor");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var visitor = fixture.ClientFor($"{name}.localhost");

        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(editor, NewPage, NewPage, new()
        {
            ["title"] = "Horaires d'été",
            ["summary"] = "Les horaires de juillet et août.",
            ["body"] = "Ouvert de 9 h à 12 h.\n\nFermé le samedi.",
        }));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/horaires-d-ete")).StatusCode);

        var published = await ContentForm.SubmitAsync(editor, ContentAdminRoutes.Edit(id), ContentAdminRoutes.Edit(id), new() { ["body"] = "<p>Ouvert de 8 h à 12 h.</p><script>alert(1)</script>", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await visitor.GetStringAsync("/horaires-d-ete");
        Assert.Contains("Ouvert de 8 h à 12 h.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("<h1", page, StringComparison.Ordinal);

        // A new draft leaves the published version online, and the list says so.
        await ContentForm.SubmitAsync(editor, ContentAdminRoutes.Edit(id), ContentAdminRoutes.Edit(id), new() { ["body"] = "Ouvert de 10 h à 12 h." });
        Assert.Contains("Ouvert de 8 h à 12 h.", await visitor.GetStringAsync("/horaires-d-ete"), StringComparison.Ordinal);
        var list = await editor.Client.GetStringAsync(ContentAdminRoutes.List + "?statut=modifie");
        Assert.Contains("Horaires d&#x27;été", list.Replace("&#39;", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Publié, modifications en attente", list, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(ContentAdminRoutes.Edit(id), ContentAdminRoutes.Publish(id), [])).StatusCode);
        Assert.Contains("Ouvert de 10 h à 12 h.", await visitor.GetStringAsync("/horaires-d-ete"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(ContentAdminRoutes.Edit(id), ContentAdminRoutes.Unpublish(id), [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/horaires-d-ete")).StatusCode);
        Assert.Contains("Le contenu a été dépublié", await editor.Client.GetStringAsync(ContentAdminRoutes.Edit(id) + "?fait=depublie"), StringComparison.Ordinal);

        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var audit = await scope.ServiceProvider.GetRequiredService<TenantDbContext>().AuditLog.Where(a => a.ObjectId == id).Select(a => a.Action).ToListAsync();
        Assert.Contains(Core.Audit.AuditActions.Published, audit);
        Assert.Contains(Core.Audit.AuditActions.Unpublished, audit);
    }

    [Fact]
    public async Task An_empty_title_or_a_taken_address_is_shown_on_the_form_and_nothing_is_saved()
    {
        var name = await NewTenantAsync("invalid");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var before = await CountAsync(name);

        var empty = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = " ", ["body"] = "Un texte à garder." });
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("<title>Erreur : ", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#title\">Complétez le champ « Titre »</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"title-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Un texte à garder.", html, StringComparison.Ordinal);

        // "contact" is a page of the municipality recipe.
        var taken = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Contact", ["path"] = "contact" });
        html = await taken.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("<a href=\"#path\">L&#x27;adresse « /contact » est déjà utilisée", html.Replace("&#39;", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);

        var invalid = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Écoles", ["path"] = "Écoles communales" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("<a href=\"#path\">", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(before, await CountAsync(name));
    }

    [Fact]
    public async Task A_page_created_under_a_parent_answers_below_it_and_moving_it_leaves_a_301_at_the_old_address()
    {
        var name = await NewTenantAsync("parent");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var visitor = fixture.ClientFor($"{name}.localhost");
        var living = ContentForm.ItemId(await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Vivre à Valmont", ["action"] = "publish" }));
        await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Environnement", ["parent"] = "vivre-a-valmont", ["action"] = "publish" });
        await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Loisirs", ["action"] = "publish" });

        var form = await editor.Client.GetStringAsync(NewPage);
        Assert.Contains("<label for=\"parent\">Page parente", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"\" selected>Aucune (à la racine)</option>", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"vivre-a-valmont\">— Vivre à Valmont</option>", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"vivre-a-valmont/environnement\">— — Environnement</option>", form, StringComparison.Ordinal);

        var created = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Parc à conteneurs", ["parent"] = "vivre-a-valmont/environnement", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var park = ContentForm.ItemId(created);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/vivre-a-valmont/environnement/parc-a-conteneurs")).StatusCode);

        var edit = ContentAdminRoutes.Edit(park);
        var fields = ContentForm.Fields(await editor.Client.GetStringAsync(edit), edit);
        Assert.Equal("vivre-a-valmont/environnement", fields["parent"]);
        Assert.Equal("parc-a-conteneurs", fields["path"]);

        // A page is no choice of parent for itself nor for its ancestors' descendants below it.
        var livingForm = await editor.Client.GetStringAsync(ContentAdminRoutes.Edit(living));
        Assert.DoesNotContain("<option value=\"vivre-a-valmont\"", livingForm, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"vivre-a-valmont/environnement\"", livingForm, StringComparison.Ordinal);
        Assert.Contains("<option value=\"loisirs\">— Loisirs</option>", livingForm, StringComparison.Ordinal);

        var moved = await ContentForm.SubmitAsync(editor, edit, edit, new() { ["parent"] = "loisirs", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/loisirs/parc-a-conteneurs")).StatusCode);
        var old = await visitor.GetAsync("/vivre-a-valmont/environnement/parc-a-conteneurs");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.EndsWith("/loisirs/parc-a-conteneurs", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_typed_path_still_works_without_parent_and_a_wrong_parent_or_segment_is_a_field_error()
    {
        var name = await NewTenantAsync("parent-errors");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var visitor = fixture.ClientFor($"{name}.localhost");
        var before = await CountAsync(name);

        var slash = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Bancs", ["parent"] = "contact", ["path"] = "contact/bancs" });
        var html = await slash.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, slash.StatusCode);
        Assert.Contains("<a href=\"#path\">Avec une page parente, l", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"path-hint path-error\"", html, StringComparison.Ordinal);

        var unknown = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Bancs", ["parent"] = "nulle-part" });
        html = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("<a href=\"#parent\">Choisissez la page parente dans la liste.</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"parent-hint parent-error\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(name));

        var typed = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Bancs publics", ["path"] = "contact/bancs", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/contact/bancs")).StatusCode);
    }

    [Fact]
    public async Task A_form_without_or_with_a_forged_antiforgery_token_is_refused_and_nothing_changes()
    {
        var name = await NewTenantAsync("forged");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var before = await CountAsync(name);
        var fields = new Dictionary<string, string> { ["title"] = "Piratage", ["body"] = "Non." };

        var missing = await editor.Client.PostAsync(NewPage, new FormUrlEncodedContent(fields));
        var forged = await editor.Client.PostAsync(NewPage, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__jeton"] = "CfDJ8forged" }));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await CountAsync(name));
    }

    [Fact]
    public async Task The_list_filters_by_type_state_and_title_and_pages_by_twenty()
    {
        var name = await NewTenantAsync("list");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            for (var i = 1; i <= 22; i++)
            {
                var title = $"Travaux rue {i}";
                var content = ContentStore.Serialize(new Pages.Model.PageContent(title, null, RichText.Empty));
                await manager.SaveDraftAsync(new ContentDraft("Page", null, title, $"travaux-{i}", content), "test");
            }
        }

        var first = await editor.Client.GetStringAsync(ContentAdminRoutes.List + "?q=travaux");
        Assert.Contains("22 contenu(s)", first, StringComparison.Ordinal);
        Assert.Contains("Travaux rue 22", first, StringComparison.Ordinal);
        Assert.DoesNotContain(">Travaux rue 1<", first, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        var second = await editor.Client.GetStringAsync(ContentAdminRoutes.List + "?q=TRAVAUX&page=2");
        Assert.Contains(">Travaux rue 1<", second, StringComparison.Ordinal);
        Assert.Contains(">Travaux rue 2<", second, StringComparison.Ordinal);
        Assert.DoesNotContain(">Travaux rue 3<", second, StringComparison.Ordinal);

        var drafts = await editor.Client.GetStringAsync(ContentAdminRoutes.List + "?statut=brouillon&type=Page");
        Assert.Contains("22 contenu(s)", drafts, StringComparison.Ordinal);
        var published = await editor.Client.GetStringAsync(ContentAdminRoutes.List + "?statut=publie&type=Page");
        Assert.Contains(">Contact et horaires<", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Travaux rue", published, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Contenus</a>", await editor.Client.GetStringAsync(ContentAdminRoutes.List), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_sent_back_shows_the_comment_to_its_author_and_the_list_filters_by_review_state()
    {
        var name = await NewTenantAsync("review");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(author, NewPage, NewPage, new() { ["title"] = "Cimetières" }));
        var other = ContentForm.ItemId(await ContentForm.SubmitAsync(author, NewPage, NewPage, new() { ["title"] = "Jardins partagés" }));
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            var latest = await db.ContentItems.SingleAsync(i => i.ContentItemId == id && i.Latest);
            latest.ReviewState = ReviewState.ChangesRequested;
            latest.ReviewComment = "Ajoutez les horaires d'hiver.";
            (await db.ContentItems.SingleAsync(i => i.ContentItemId == other && i.Latest)).ReviewState = ReviewState.Submitted;
            await db.SaveChangesAsync();
        }

        var edit = await author.Client.GetStringAsync(ContentAdminRoutes.Edit(id));
        Assert.Contains(">Renvoyé à l&#x27;auteur</span>", edit.Replace("&#39;", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Ajoutez les horaires d&#x27;hiver.", edit.Replace("&#39;", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Soumettre pour relecture", edit, StringComparison.Ordinal);
        var submitted = await author.Client.GetStringAsync(ContentAdminRoutes.Edit(other));
        Assert.DoesNotContain("Soumettre pour relecture", submitted, StringComparison.Ordinal);
        Assert.Contains("Cette version attend une relecture.", submitted, StringComparison.Ordinal);

        var queue = await author.Client.GetStringAsync(ContentAdminRoutes.List + "?statut=soumis");
        Assert.Contains(">Jardins partagés<", queue, StringComparison.Ordinal);
        Assert.DoesNotContain(">Cimetières<", queue, StringComparison.Ordinal);
        Assert.Contains(">Cimetières<", await author.Client.GetStringAsync(ContentAdminRoutes.List + "?statut=renvoye"), StringComparison.Ordinal);
    }

    private async Task<string> NewTenantAsync(string stem)
    {
        var name = fixture.NewTenantName("content-" + stem);
        await fixture.CreateTenantAsync(name);
        return name;
    }

    private async Task<int> CountAsync(string name)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        return await scope.ServiceProvider.GetRequiredService<TenantDbContext>().ContentItems.CountAsync();
    }
}

public sealed class ContentAdminTestsOnSqlite(SqliteFixture fixture) : ContentAdminTests<SqliteFixture>(fixture);

public sealed class ContentAdminTestsOnPostgres(PostgresFixture fixture) : ContentAdminTests<PostgresFixture>(fixture);
