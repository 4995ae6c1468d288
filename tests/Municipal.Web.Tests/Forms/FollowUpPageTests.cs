using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Background;
using Municipal.Forms.PublicFlow;
using Municipal.Forms.Requests;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>The citizen's follow-up page /e-guichet/suivi: lookup, status and history, answering a question. SQLite and PostgreSQL.</summary>
public abstract class FollowUpPageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string NotFound = "Aucune demande ne correspond à ce code de suivi et à cette adresse e-mail.";

    [Fact]
    public async Task The_code_is_prefilled_and_an_unknown_code_or_a_wrong_email_get_the_same_message()
    {
        var (name, code) = await SubmittedAsync("suivi-miss");
        var client = fixture.ClientFor($"{name}.localhost");

        var page = await client.GetStringAsync($"/e-guichet/suivi?code={code}");
        Assert.Contains("<h1 id=\"page-title\">Suivre ma demande</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{code}\"", page, StringComparison.Ordinal);

        var wrongEmail = await LookUpAsync(client, code, "pierre@exemple.be");
        var unknownCode = await LookUpAsync(client, TrackingCodes.New(), "marie@exemple.be");
        foreach (var response in new[] { wrongEmail, unknownCode })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(NotFound, html, StringComparison.Ordinal);
            Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
            Assert.Contains("<title>Erreur : Suivre ma demande", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-status", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Empty_and_malformed_input_is_named_in_the_error_summary()
    {
        var (name, _) = await SubmittedAsync("suivi-empty");
        var client = fixture.ClientFor($"{name}.localhost");

        var empty = await (await LookUpAsync(client, "", "")).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#code\">Indiquez le code de suivi.</a>", empty, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#email\">Indiquez votre adresse e-mail.</a>", empty, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"code-hint code-error\"", empty, StringComparison.Ordinal);

        var malformed = await (await LookUpAsync(client, "EG-1234", "pas-une-adresse")).Content.ReadAsStringAsync();
        Assert.Contains("Le code de suivi n&#39;est pas valide", malformed.Replace("&#x27;", "&#39;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Indiquez une adresse e-mail valide", malformed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_code_and_email_show_the_request_without_the_email_in_any_url()
    {
        var (name, code) = await SubmittedAsync("suivi-found");
        var client = fixture.ClientFor($"{name}.localhost");

        var response = await LookUpAsync(client, code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), " Marie@Exemple.be ");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/e-guichet/suivi", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(FollowUpAccess.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("exemple", cookie, StringComparison.OrdinalIgnoreCase);

        var html = await client.GetStringAsync("/e-guichet/suivi");
        Assert.Contains("Formulaire complet", html, StringComparison.Ordinal);
        Assert.Contains($"<dd data-tracking-code>{code}</dd>", html, StringComparison.Ordinal);
        Assert.Contains("data-status>Reçue</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Demande envoyée", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Répondre à la demande d", html, StringComparison.Ordinal);

        // Another browser (no cookie) sees the lookup form only.
        var stranger = fixture.ClientFor($"{name}.localhost");
        Assert.DoesNotContain("data-status", await stranger.GetStringAsync("/e-guichet/suivi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_citizen_sees_the_agents_question_answers_it_and_the_request_is_back_in_progress()
    {
        var (name, code) = await SubmittedAsync("suivi-reply");
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            var submission = await db.Submissions.SingleAsync(s => s.TrackingCode == code);
            var history = scope.ServiceProvider.GetRequiredService<SubmissionHistory>();
            history.Stage(submission, SubmissionEventKind.InternalNote, "Dossier incomplet, voir avec le service", visibleToCitizen: false, authorName: "agent@exemple.be");
            history.Stage(submission, SubmissionEventKind.MessageToCitizen, "Pouvez-vous préciser l'heure de fin ?", visibleToCitizen: true, authorName: "agent@exemple.be", toStatus: SubmissionStatus.InformationRequested);
            await db.SaveChangesAsync();
        }

        var client = fixture.ClientFor($"{name}.localhost");
        Assert.Equal(HttpStatusCode.Redirect, (await LookUpAsync(client, code, "marie@exemple.be")).StatusCode);
        var page = await client.GetStringAsync("/e-guichet/suivi");
        Assert.Contains("data-status>Information demandée</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Pouvez-vous préciser l&#39;heure de fin ?", page.Replace("&#x27;", "&#39;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Dossier incomplet", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"reply\">Votre réponse</label>", page, StringComparison.Ordinal);

        var empty = await PostAsync(client, "/e-guichet/suivi/reponse", new() { ["reply"] = "   " });
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#reply\">Écrivez votre réponse.</a>", emptyHtml, StringComparison.Ordinal);
        var tooLong = await PostAsync(client, "/e-guichet/suivi/reponse", new() { ["reply"] = new string('a', 4001) });
        Assert.Contains("4000 caractères au plus", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sent = await PostAsync(client, "/e-guichet/suivi/reponse", new() { ["reply"] = "La fête se termine à 23 heures." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await client.GetStringAsync(sent.Headers.Location!.OriginalString);
        Assert.Contains("Votre réponse a été envoyée", after, StringComparison.Ordinal);
        Assert.Contains("data-status>En traitement</strong>", after, StringComparison.Ordinal);
        Assert.Contains("La fête se termine à 23 heures.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("<label for=\"reply\">", after, StringComparison.Ordinal);

        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.TrackingCode == code);
            Assert.Equal(SubmissionStatus.InProgress, submission.Status);
            var reply = await db.Events.AsNoTracking().SingleAsync(e => e.SubmissionId == submission.Id && e.Kind == SubmissionEventKind.CitizenReply);
            Assert.Equal(("La fête se termine à 23 heures.", true, SubmissionStatus.InformationRequested, SubmissionStatus.InProgress), (reply.Text, reply.VisibleToCitizen, reply.FromStatus, reply.ToStatus));
        }

        // A second reply has nothing to answer: nothing is added.
        await PostAsync(client, "/e-guichet/suivi/reponse", new() { ["reply"] = "Encore une chose" });
        await using var check = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<FormsDbContext>().Events.CountAsync(e => e.Kind == SubmissionEventKind.CitizenReply));
    }

    [Fact]
    public async Task The_agent_who_asked_is_mailed_a_link_when_the_citizen_answers_and_never_the_answer_itself()
    {
        var (name, code) = await SubmittedAsync("suivi-notify");
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var agent = new IdentityUser { UserName = "agent@suivi.example", Email = "agent@suivi.example", EmailConfirmed = true };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().CreateAsync(agent)).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            var submission = await db.Submissions.SingleAsync(s => s.TrackingCode == code);
            scope.ServiceProvider.GetRequiredService<SubmissionHistory>().Stage(
                submission, SubmissionEventKind.MessageToCitizen, "Quelle est l'heure de fin ?", visibleToCitizen: true, authorId: agent.Id, authorName: agent.Email, toStatus: SubmissionStatus.InformationRequested);
            await db.SaveChangesAsync();
        }

        var client = fixture.ClientFor($"{name}.localhost");
        await LookUpAsync(client, code, "marie@exemple.be");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "/e-guichet/suivi/reponse", new() { ["reply"] = "Minuit, secret de famille." })).StatusCode);
        await fixture.App.Services.GetRequiredService<JobRunner>().RunDueAsync();

        var folder = Path.Combine(fixture.TenantsFolder, name, "mail");
        var toAgent = Assert.Single(Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText), m => m.Contains("To: agent@suivi.example", StringComparison.Ordinal));
        Assert.Contains(code, toAgent, StringComparison.Ordinal);
        Assert.Contains("/admin/e-guichet/demandes/" + code, toAgent, StringComparison.Ordinal);
        Assert.DoesNotContain("secret de famille", toAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_the_lookup_is_rate_limited()
    {
        await using var app = fixture.StartApp(new Dictionary<string, string?> { ["Municipal:SubmissionsPerMinutePerIp"] = "2" });
        var name = await ApiTestForms.TenantWithFormAsync(fixture, app, "suivi-limit");
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{name}.localhost/") });

        var forged = await client.PostAsync("/e-guichet/suivi/reponse", new FormUrlEncodedContent(new Dictionary<string, string> { ["reply"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await LookUpAsync(client, TrackingCodes.New(), "a@exemple.be")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LookUpAsync(client, TrackingCodes.New(), "a@exemple.be")).StatusCode);
        var refused = await LookUpAsync(client, TrackingCodes.New(), "a@exemple.be");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Trop de tentatives depuis votre connexion", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The API shares the budget: a guess there costs as much.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync($"/api/submissions/{TrackingCodes.New()}?email=a%40exemple.be")).StatusCode);
    }

    private async Task<(string Name, string Code)> SubmittedAsync(string stem)
    {
        var name = await ApiTestForms.TenantWithFormAsync(fixture, stem);
        var client = fixture.ClientFor($"{name}.localhost");
        var created = await ApiTestForms.PostAsync(client, "tout", ApiTestForms.Body().ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return (name, body.RootElement.GetProperty("trackingCode").GetString()!);
    }

    private static Task<HttpResponseMessage> LookUpAsync(HttpClient client, string code, string email) =>
        PostAsync(client, "/e-guichet/suivi", new() { ["code"] = code, ["email"] = email });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, Dictionary<string, string> fields)
    {
        fields["__jeton"] = AdminSession.Token(await client.GetStringAsync("/e-guichet/suivi"));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}

public sealed class FollowUpPageTestsOnSqlite(SqliteFixture fixture) : FollowUpPageTests<SqliteFixture>(fixture);

public sealed class FollowUpPageTestsOnPostgres(PostgresFixture fixture) : FollowUpPageTests<PostgresFixture>(fixture);
