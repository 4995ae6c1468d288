using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Audit;
using Municipal.Core.Security;
using Municipal.Forms.Model;
using Municipal.Forms.Requests;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Admin;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.RequestTestData;

namespace Municipal.Web.Tests.Forms;

/// <summary>A request's page in the back office: answers, attachments, history, and the agent's actions. SQLite and PostgreSQL.</summary>
public abstract class RequestDetailTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task The_page_shows_the_answers_the_email_and_the_history_and_each_view_is_audited()
    {
        var (name, code) = await RequestAsync();
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);

        var response = await agent.Client.GetAsync($"/admin/e-guichet/demandes/{code.ToLowerInvariant()}");
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains($"<h1>Demande <span class=\"request-code\">{code}</span></h1>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Description</dt>", html, StringComparison.Ordinal);
        Assert.Contains("Trottoir défoncé devant le numéro 12", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"request-answer\">Dangereux</dd>", html, StringComparison.Ordinal);
        Assert.Contains("marie@exemple.be", html, StringComparison.Ordinal);
        Assert.Contains("plan.pdf", html, StringComparison.Ordinal);
        Assert.Contains("Demande envoyée", html, StringComparison.Ordinal);

        await agent.Client.GetStringAsync($"/admin/e-guichet/demandes/{code}");
        var views = await AuditAsync(fixture, name, RequestAudit.RequestViewed);
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal((agent.Email, "Request", code), (v.Actor, v.ObjectType, v.ObjectId)));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync("/admin/e-guichet/demandes/EG-AAAA-BBBB-CCCC-D")).StatusCode);
    }

    [Fact]
    public async Task A_download_streams_the_file_as_an_attachment_and_is_audited_and_another_requests_file_is_not_served()
    {
        var (name, code) = await RequestAsync(fileName: "plan d'accès «été».pdf");
        var other = await SubmitAsync(fixture, name, "signaler", "luc@exemple.be", Answers("Autre", fileName: "autre.pdf"));
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var link = Assert.Single(DownloadLinks(await agent.Client.GetStringAsync($"/admin/e-guichet/demandes/{code}")));
        var otherLink = Assert.Single(DownloadLinks(await agent.Client.GetStringAsync($"/admin/e-guichet/demandes/{other}")));

        var response = await agent.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("piece-jointe-1.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        var line = Assert.Single(await AuditAsync(fixture, name, RequestAudit.RequestFileDownloaded));
        Assert.Equal((agent.Email, code, "plan d'accès «été».pdf"), (line.Actor, line.ObjectId, line.Details));

        // The other request's attachment id under this request's code, a made-up id, a path: nothing.
        var otherId = otherLink[(otherLink.LastIndexOf('/') + 1)..];
        foreach (var path in new[] { $"/admin/e-guichet/demandes/{code}/fichiers/{otherId}", $"/admin/e-guichet/demandes/{code}/fichiers/999999", $"/admin/e-guichet/demandes/{code}/fichiers/..%2F..%2Fhost.db" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync(path)).StatusCode);
        }

        Assert.Single(await AuditAsync(fixture, name, RequestAudit.RequestFileDownloaded));
    }

    [Fact]
    public async Task A_download_is_named_after_the_type_its_bytes_prove_and_the_shown_name_is_cleaned()
    {
        var name = fixture.NewTenantName("demande");
        await fixture.CreateTenantAsync(name);
        var report = Report();
        var anyType = new FileField { Name = "plan", Label = "Plan ou photo", Required = false, MaxFiles = 2, AcceptedTypes = [] };
        var form = report with { Steps = [report.Steps[0] with { Fields = [.. report.Steps[0].Fields.Take(2), anyType] }] };
        await SaveFormAsync(fixture, name, form);
        byte[] pngThenHtml = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "<html><script>alert(1)</script></html>"u8.ToArray()];
        var answers = Answers("Facture", withFile: false);
        answers["plan"] = new FileListValue([new UploadedFile("invoice.html", "text/html", pngThenHtml), new UploadedFile("photo\u202Egnp.html", "image/png", pngThenHtml)]);
        var code = await SubmitAsync(fixture, name, "signaler", "marie@exemple.be", answers);
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);

        var html = Text(await agent.Client.GetStringAsync($"/admin/e-guichet/demandes/{code}"));
        Assert.Contains("photognp.html", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', html);
        var links = DownloadLinks(html);
        Assert.Equal(2, links.Count);
        foreach (var (link, index) in links.Select((l, i) => (l, i + 1)))
        {
            // The product keeps the file (its signature is PNG's) but never lets the uploaded ".html" reach the agent.
            var response = await agent.Client.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(pngThenHtml, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"piece-jointe-{index}.png", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task A_status_chosen_on_a_page_another_agent_changed_meanwhile_is_refused_and_the_page_shows_the_current_one()
    {
        var (name, code) = await RequestAsync();
        var first = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var second = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = $"/admin/e-guichet/demandes/{code}";
        var stalePage = await second.Client.GetStringAsync(page);
        Assert.Contains("name=\"depuis\" value=\"recue\"", stalePage, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(page, page + "/statut", new() { ["statut"] = "en-traitement", ["depuis"] = "recue" })).StatusCode);
        await first.PostFormAsync(page, page + "/statut", new() { ["statut"] = "acceptee", ["depuis"] = "en-traitement" });

        // The second agent still sees "Reçue" and decides "En traitement" → "Refusée" without knowing.
        var stale = await second.PostFormAsync(page, page + "/statut", new() { ["statut"] = "refusee", ["depuis"] = "en-traitement" });

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var html = Text(await stale.Content.ReadAsStringAsync());
        Assert.Contains("elle est maintenant « Acceptée »", html, StringComparison.Ordinal);
        Assert.Contains("name=\"depuis\" value=\"acceptee\"", html, StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Accepted, (await RequestTestData.RequestAsync(fixture, name, code)).Status);
    }

    [Fact]
    public async Task A_move_the_workflow_does_not_allow_is_refused_in_french_and_allowed_moves_are_written_down()
    {
        var (name, code) = await RequestAsync();
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = $"/admin/e-guichet/demandes/{code}";

        var refused = await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "acceptee" });
        var html = Text(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("href=\"#statut\">Une demande « Reçue » ne peut pas passer à « Acceptée ». Statuts possibles : En traitement, Information demandée.", html, StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Received, (await RequestTestData.RequestAsync(fixture, name, code)).Status);
        Assert.False(RequestWorkflow.Default.Allows(SubmissionStatus.Closed, SubmissionStatus.InProgress));

        var moved = await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "en-traitement" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"{page}?fait=statut", moved.Headers.Location?.OriginalString);
        Assert.Contains("Le statut de la demande a été changé.", Text(await agent.Client.GetStringAsync(moved.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "acceptee" });
        Assert.Equal(SubmissionStatus.Accepted, (await RequestTestData.RequestAsync(fixture, name, code)).Status);

        var history = await HistoryAsync(name, code, forCitizen: true);
        Assert.Equal(
            [(SubmissionEventKind.Submitted, null, SubmissionStatus.Received), (SubmissionEventKind.StatusChanged, SubmissionStatus.Received, SubmissionStatus.InProgress), (SubmissionEventKind.StatusChanged, SubmissionStatus.InProgress, SubmissionStatus.Accepted)],
            history.Select(h => (h.Kind, h.FromStatus, h.ToStatus)).ToList<(SubmissionEventKind, SubmissionStatus?, SubmissionStatus?)>());
        Assert.Equal(agent.Email, history[^1].AuthorName);
        Assert.Equal(["Reçue → En traitement", "En traitement → Acceptée"], (await AuditAsync(fixture, name, RequestAudit.RequestStatusChanged)).Select(a => a.Details));
    }

    [Fact]
    public async Task Asking_for_information_needs_a_question_which_is_mailed_to_the_citizen_and_shown_to_them()
    {
        var (name, code) = await RequestAsync();
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = $"/admin/e-guichet/demandes/{code}";
        await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "en-traitement" });

        var missing = await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "information-demandee", ["question"] = "  " });
        var html = Text(await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("href=\"#question\">Écrivez la question à poser au demandeur.", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"question-hint question-error\"", html, StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.InProgress, (await RequestTestData.RequestAsync(fixture, name, code)).Status);

        const string Question = "Pouvez-vous préciser le numéro de la maison la plus proche ?";
        var asked = await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "information-demandee", ["question"] = Question });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(SubmissionStatus.InformationRequested, (await RequestTestData.RequestAsync(fixture, name, code)).Status);
        var shown = await HistoryAsync(name, code, forCitizen: true);
        Assert.Equal(Question, shown.Single(h => h.Kind == SubmissionEventKind.MessageToCitizen).Text);

        var mails = await UserTestPages.MailsToAsync(fixture, name, "marie@exemple.be");
        // The subject says what happened.
        var mail = Assert.Single(mails, m => m.Subject == $"Votre demande {code} : information demandée");
        Assert.Contains(Question, mail.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains(code, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_is_mailed_and_an_internal_note_is_never_shown_to_the_citizen()
    {
        var (name, code) = await RequestAsync();
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = $"/admin/e-guichet/demandes/{code}";

        var empty = await agent.PostFormAsync(page, page + "/message", new() { ["message"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var tooLong = await agent.PostFormAsync(page, page + "/message", new() { ["message"] = new string('a', RequestHandling.MaxTextLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains($"au plus {RequestHandling.MaxTextLength} caractères", Text(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(page, page + "/message", new() { ["message"] = "Nous passerons lundi." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(page, page + "/note", new() { ["note"] = "Voisin connu des services <script>" })).StatusCode);

        var citizen = await HistoryAsync(name, code, forCitizen: true);
        Assert.Contains(citizen, h => h.Text == "Nous passerons lundi.");
        Assert.DoesNotContain(citizen, h => h.Kind == SubmissionEventKind.InternalNote || (h.Text ?? "").Contains("Voisin", StringComparison.Ordinal));
        var all = await HistoryAsync(name, code, forCitizen: false);
        Assert.Equal(agent.Email, all.Single(h => h.Kind == SubmissionEventKind.InternalNote).AuthorName);

        var detail = await agent.Client.GetStringAsync(page);
        Assert.Contains("Voisin connu des services &lt;script&gt;", detail, StringComparison.Ordinal);
        Assert.Contains(">Interne</span>", detail, StringComparison.Ordinal);
        var mails = await UserTestPages.MailsToAsync(fixture, name, "marie@exemple.be");
        Assert.Contains(mails, m => (m.TextBody ?? string.Empty).Contains("Nous passerons lundi.", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => (m.TextBody ?? string.Empty).Contains("Voisin", StringComparison.Ordinal));
        Assert.Single(await AuditAsync(fixture, name, RequestAudit.RequestMessaged));
        Assert.Single(await AuditAsync(fixture, name, RequestAudit.RequestNoted));
    }

    [Fact]
    public async Task An_anonymised_request_says_so_and_refuses_messages()
    {
        var (name, code) = await RequestAsync();
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            var row = await db.Submissions.SingleAsync(s => s.TrackingCode == code);
            row.AnonymisedUtc = fixture.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        }

        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = $"/admin/e-guichet/demandes/{code}";
        var html = Text(await agent.Client.GetStringAsync(page));
        Assert.Contains("Les données personnelles de cette demande ont été effacées le", html, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"" + page + "/message\"", html, StringComparison.Ordinal);

        var refused = await agent.PostFormAsync(page, page + "/message", new() { ["message"] = "Bonjour" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Cette demande a été anonymisée : aucun message ne peut plus être envoyé au demandeur.", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(await HistoryAsync(name, code, forCitizen: false), h => h.Kind == SubmissionEventKind.MessageToCitizen);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(page, page + "/note", new() { ["note"] = "Dossier archivé." })).StatusCode);
    }

    private async Task<IReadOnlyList<SubmissionEventRecord>> HistoryAsync(string tenant, string code, bool forCitizen)
    {
        var row = await RequestTestData.RequestAsync(fixture, tenant, code);
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<SubmissionHistory>().ListAsync(row.Id, forCitizen, default);
    }

    private async Task<(string Name, string Code)> RequestAsync(string fileName = "plan.pdf")
    {
        var name = fixture.NewTenantName("demande");
        await fixture.CreateTenantAsync(name);
        await SaveFormAsync(fixture, name, Report());
        return (name, await SubmitAsync(fixture, name, "signaler", "marie@exemple.be", Answers("Trottoir défoncé devant le numéro 12", fileName: fileName)));
    }
}

public sealed class RequestDetailTestsOnSqlite(SqliteFixture fixture) : RequestDetailTests<SqliteFixture>(fixture);

public sealed class RequestDetailTestsOnPostgres(PostgresFixture fixture) : RequestDetailTests<PostgresFixture>(fixture);
