using System.Globalization;
using System.Net;
using Municipal.Admin;
using Municipal.Core.Audit;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.ReviewTestContent;

namespace Municipal.Web.Tests.Admin;

/// <summary>An author submits, an editor sends back or approves; who may do what. SQLite and PostgreSQL.</summary>
public abstract class ReviewWorkflowTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_draft_goes_through_review_sent_back_with_a_comment_resubmitted_then_approved_and_public()
    {
        var name = await NewTenantAsync("flow");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var draft = await SaveDraftAsync(fixture, name, Page("primes", "Primes à l'énergie", "Demande avant le 31 mars"), author.Email);
        var id = draft.ContentItemId;

        // The author submits from the history page, with a note.
        var submitted = await author.PostFormAsync(ContentAdminRoutes.Revisions(id), ContentAdminRoutes.Submit(id), new() { ["note"] = "Nouvelle page, merci de relire les dates", ["revision"] = draft.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ContentAdminRoutes.Revisions(id) + "?avis=soumis", submitted.Headers.Location?.OriginalString);
        Assert.Contains("Votre contenu a été soumis pour relecture", MainOf(await author.Client.GetStringAsync(submitted.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        // Editors and administrators get a mail with the review page's address; the author does not.
        var mails = await MailsAsync(fixture, name);
        Assert.Equal([$"admin@{name}.localhost", editor.Email], mails.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.Equal("À relire : « Primes à l'énergie »", mails[0].Subject);
        Assert.Contains($"http://{name}.localhost{ContentAdminRoutes.Review(id)}", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("merci de relire les dates", mails[0].TextBody, StringComparison.Ordinal);

        // The editor sees it in the queue, with its author, and opens it: a new content, the note, both decisions.
        var queue = MainOf(await editor.Client.GetStringAsync(ContentAdminRoutes.ReviewQueue));
        Assert.Contains("Primes à l'énergie", queue, StringComparison.Ordinal);
        Assert.Contains(author.Email, queue, StringComparison.Ordinal);
        var review = MainOf(await editor.Client.GetStringAsync(ContentAdminRoutes.Review(id)));
        Assert.Contains("Nouveau contenu", review, StringComparison.Ordinal);
        Assert.Contains("merci de relire les dates", review, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ContentAdminRoutes.Preview(id)}\"", review, StringComparison.Ordinal);
        Assert.Contains("Approuver et publier", review, StringComparison.Ordinal);
        Assert.Contains("Toute nouvelle modification du contenu annule la demande de relecture", review, StringComparison.Ordinal);

        // Sending back without a comment is refused, with the error tied to the field; nothing changes.
        var empty = await editor.PostFormAsync(ContentAdminRoutes.Review(id), ContentAdminRoutes.SendBack(id), new() { ["comment"] = "  ", ["revision"] = draft.Id.ToString(CultureInfo.InvariantCulture) });
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("<title>Erreur : ", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#comment\">", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"comment-hint comment-error\"", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(ReviewState.Submitted, (await LatestAsync(fixture, name, id)).ReviewState);

        var sentBack = await editor.PostFormAsync(ContentAdminRoutes.Review(id), ContentAdminRoutes.SendBack(id), new() { ["comment"] = "La date limite est le 30 avril", ["revision"] = draft.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        Assert.Contains("a été renvoyé à son auteur", MainOf(await editor.Client.GetStringAsync(sentBack.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        Assert.DoesNotContain("Primes à l'énergie", MainOf(await editor.Client.GetStringAsync(ContentAdminRoutes.ReviewQueue)), StringComparison.Ordinal);
        var toAuthor = (await MailsAsync(fixture, name)).Single(m => m.To.Mailboxes.Single().Address == author.Email);
        Assert.Contains("La date limite est le 30 avril", toAuthor.TextBody, StringComparison.Ordinal);
        var history = MainOf(await author.Client.GetStringAsync(ContentAdminRoutes.Revisions(id)));
        Assert.Contains("Un éditeur a renvoyé ce contenu avec ce commentaire", history, StringComparison.Ordinal);
        Assert.Contains("La date limite est le 30 avril", history, StringComparison.Ordinal);

        // The author corrects (a new revision, no longer sent back) and submits again.
        var corrected = await SaveDraftAsync(fixture, name, Page("primes", "Primes à l'énergie", "Demande avant le 30 avril", id), author.Email);
        Assert.Equal(ReviewState.None, corrected.ReviewState);
        var resubmitted = await author.PostFormAsync(ContentAdminRoutes.Revisions(id), ContentAdminRoutes.Submit(id), new() { ["note"] = "", ["revision"] = corrected.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);

        // Approving the version the editor saw first is refused: it is not the one submitted now.
        var stale = await editor.PostFormAsync(ContentAdminRoutes.Review(id), ContentAdminRoutes.Approve(id), new() { ["revision"] = draft.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("a été modifié depuis l'ouverture de cette page", MainOf(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor($"{name}.localhost").GetAsync("/primes")).StatusCode);

        var reviewPage = await editor.Client.GetStringAsync(ContentAdminRoutes.Review(id));
        var approved = await editor.PostFormAsync(ContentAdminRoutes.Review(id), ContentAdminRoutes.Approve(id), new() { ["revision"] = Hidden(reviewPage, "revision") });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("« Primes à l'énergie » a été approuvé et publié", MainOf(await editor.Client.GetStringAsync(approved.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        Assert.Contains("Demande avant le 30 avril", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/primes"), StringComparison.Ordinal);
        var latest = await LatestAsync(fixture, name, id);
        Assert.Equal(ContentStatus.Published, latest.Status);
        Assert.Equal(ReviewState.None, latest.ReviewState);

        // Approving again: it is no longer waiting, a clear message and not a 500.
        var twice = await editor.PostFormAsync(ContentAdminRoutes.ReviewQueue, ContentAdminRoutes.Approve(id), new() { ["revision"] = latest.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("n'est pas (ou plus) soumis à relecture", MainOf(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var actions = await AuditActionsAsync(fixture, name, id);
        Assert.Equal(
            [AuditActions.Created, AuditActions.Submitted, AuditActions.SentBack, AuditActions.Changed, AuditActions.Submitted, AuditActions.Approved, AuditActions.Published],
            actions);
    }

    [Fact]
    public async Task An_author_cannot_approve_send_back_trash_or_open_the_queue()
    {
        var name = await NewTenantAsync("author");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var draft = await SaveDraftAsync(fixture, name, Page("travaux", "Travaux", "Rue barrée"), author.Email);
        var id = draft.ContentItemId;
        await author.PostFormAsync(ContentAdminRoutes.Revisions(id), ContentAdminRoutes.Submit(id), new() { ["revision"] = draft.Id.ToString(CultureInfo.InvariantCulture) });

        var form = ContentAdminRoutes.Revisions(id);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync(form, ContentAdminRoutes.Approve(id), new() { ["revision"] = draft.Id.ToString(CultureInfo.InvariantCulture) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync(form, ContentAdminRoutes.SendBack(id), new() { ["revision"] = draft.Id.ToString(CultureInfo.InvariantCulture), ["comment"] = "Non" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync(form, ContentAdminRoutes.MoveToTrash(id), [])).StatusCode);
        var queue = await author.Client.GetAsync(ContentAdminRoutes.ReviewQueue);
        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        Assert.Contains("Accès refusé", await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync(ContentAdminRoutes.Trash)).StatusCode);

        var latest = await LatestAsync(fixture, name, id);
        Assert.Equal(ReviewState.Submitted, latest.ReviewState);
        Assert.Null(latest.TrashedUtc);

        // Their navigation shows neither the queue nor the trash.
        var dashboard = await author.Client.GetStringAsync("/admin");
        Assert.DoesNotContain(">Relecture</a>", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain(">Corbeille</a>", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_gets_403_on_every_review_revision_and_trash_address()
    {
        var name = await NewTenantAsync("agent");
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var item = await SaveAndPublishAsync(fixture, name, Page("agenda", "Agenda", "Marché le jeudi"), null);
        var id = item.ContentItemId;

        foreach (var path in new[] { ContentAdminRoutes.ReviewQueue, ContentAdminRoutes.Review(id), ContentAdminRoutes.Revisions(id), ContentAdminRoutes.Revision(id, item.Id), ContentAdminRoutes.Trash })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync(path)).StatusCode);
        }

        foreach (var path in new[] { ContentAdminRoutes.Submit(id), ContentAdminRoutes.Approve(id), ContentAdminRoutes.SendBack(id), ContentAdminRoutes.RestoreRevision(id, item.Id), ContentAdminRoutes.MoveToTrash(id), ContentAdminRoutes.RestoreFromTrash(id) })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostFormAsync("/admin", path, new() { ["revision"] = item.Id.ToString(CultureInfo.InvariantCulture), ["comment"] = "x" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await fixture.ClientFor($"{name}.localhost").GetAsync("/agenda")).StatusCode);
        Assert.Single(await VersionsAsync(fixture, name, id));
    }

    [Fact]
    public async Task A_forged_antiforgery_token_gets_400_and_changes_nothing()
    {
        var name = await NewTenantAsync("csrf");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var published = await SaveAndPublishAsync(fixture, name, Page("ecoles", "Écoles", "Inscriptions ouvertes"), author.Email);
        var draft = await SaveDraftAsync(fixture, name, Page("ecoles", "Écoles", "Inscriptions closes", published.ContentItemId), author.Email);
        var id = draft.ContentItemId;
        await author.PostFormAsync(ContentAdminRoutes.Revisions(id), ContentAdminRoutes.Submit(id), new() { ["revision"] = draft.Id.ToString(CultureInfo.InvariantCulture) });
        await editor.Client.GetStringAsync(ContentAdminRoutes.Review(id));

        var forged = new Dictionary<string, string> { ["__jeton"] = "CfDJ8-forged-token", ["revision"] = draft.Id.ToString(CultureInfo.InvariantCulture), ["comment"] = "Non" };
        foreach (var path in new[] { ContentAdminRoutes.Approve(id), ContentAdminRoutes.SendBack(id), ContentAdminRoutes.MoveToTrash(id), ContentAdminRoutes.RestoreRevision(id, published.Id) })
        {
            var response = await editor.Client.PostAsync(path, new FormUrlEncodedContent(forged));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var versions = await VersionsAsync(fixture, name, id);
        Assert.Equal(2, versions.Count);
        Assert.Equal(ReviewState.Submitted, versions[0].ReviewState);
        Assert.All(versions, v => Assert.Null(v.TrashedUtc));
        Assert.Contains("Inscriptions ouvertes", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/ecoles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_page_compares_the_submitted_version_with_the_published_one()
    {
        var name = await NewTenantAsync("compare");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var published = await SaveAndPublishAsync(fixture, name, Page("piscine", "Piscine", "Ouverte le lundi matin"), author.Email);
        var draft = await SaveDraftAsync(fixture, name, Page("piscine", "Piscine", "Ouverte le mardi matin", published.ContentItemId), author.Email);
        await author.PostFormAsync(ContentAdminRoutes.Revisions(draft.ContentItemId), ContentAdminRoutes.Submit(draft.ContentItemId), new() { ["revision"] = draft.Id.ToString(CultureInfo.InvariantCulture) });

        var review = MainOf(await editor.Client.GetStringAsync(ContentAdminRoutes.Review(draft.ContentItemId)));

        Assert.Contains("Modifications par rapport à la version publiée", review, StringComparison.Ordinal);
        Assert.Contains("<del><span class=\"visually-hidden\">supprimé : </span>lundi</del>", review, StringComparison.Ordinal);
        Assert.Contains("<ins><span class=\"visually-hidden\">ajouté : </span>mardi</ins>", review, StringComparison.Ordinal);
        Assert.DoesNotContain("Nouveau contenu", review, StringComparison.Ordinal);
    }

    private async Task<string> NewTenantAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name);
        return name;
    }
}

public sealed class ReviewWorkflowTestsOnSqlite(SqliteFixture fixture) : ReviewWorkflowTests<SqliteFixture>(fixture);

public sealed class ReviewWorkflowTestsOnPostgres(PostgresFixture fixture) : ReviewWorkflowTests<PostgresFixture>(fixture);
