using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Security;
using Municipal.Forms.Model;
using Municipal.Forms.Privacy;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Admin;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.RequestTestData;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// Triage of the agents' queue (issue 13): the search box (code, name, e-mail, answers; a national number only whole),
/// the "Réponse reçue" mark, its filter and its place first, asking for information straight from "Reçue", the
/// latest exchange near the top of the request's page, and the subjects of the citizen's mails. SQLite and PostgreSQL.
/// </summary>
public abstract class RequestTriageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    /// <summary>A valid national register number (check 28) and the same written with separators.</summary>
    private const string Nrn = "85073100328";

    [Fact]
    public async Task The_search_finds_requests_by_code_name_email_and_answer_and_a_national_number_only_whole()
    {
        var name = await TenantAsync();
        var emile = await PermitAsync(name, "emile@exemple.be", "Émile Dupont", "Barbecue au parc", Nrn);
        var marie = await PermitAsync(name, "marie@exemple.be", "Marie Martin", "Fête de quartier", null);
        var luc = await PermitAsync(name, "luc@exemple.be", "Luc Lambert", "Brocante", null);
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);

        async Task<List<string>> Search(string words) =>
            Codes(await agent.Client.GetStringAsync("/admin/e-guichet?q=" + Uri.EscapeDataString(words)));

        Assert.Equal([emile], await Search("dupont"));
        Assert.Equal([emile], await Search("EMILE D")); // any case, without the accent
        Assert.Equal([marie], await Search("marie@exemple"));
        Assert.Equal([marie], await Search("quartier"));
        Assert.Equal([luc], await Search(luc));
        Assert.Contains(luc, await Search(luc[..7].ToLowerInvariant()));
        Assert.Empty(await Search("8507310"));
        Assert.Equal([emile], await Search("85.07.31-003.28"));

        var page = await agent.Client.GetStringAsync("/admin/e-guichet?q=dupont");
        Assert.Contains("id=\"filter-search\" name=\"q\" type=\"search\" value=\"dupont\"", page, StringComparison.Ordinal);
        var tooLong = await agent.Client.GetAsync("/admin/e-guichet?q=" + new string('a', 201));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("href=\"#filter-search\">La recherche doit compter au plus 200 caractères.", Text(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Anonymisation empties what the search reads: the name no longer finds the request.
        await DecideLongAgoAsync(name, emile);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SubmissionAnonymiser>().RunAsync(default));
        }

        Assert.Empty(await Search("dupont"));
        Assert.Empty(await Search(Nrn));
        var row = await RequestAsync(fixture, name, emile);
        Assert.Equal((string.Empty, string.Empty), (row.SearchText, row.SearchKeys));
    }

    [Fact]
    public async Task Information_is_asked_from_received_and_the_answer_is_marked_filtered_and_sorted_first_until_an_agent_acts()
    {
        var name = await TenantAsync();
        var asked = await PermitAsync(name, "marie@exemple.be", "Marie Martin", "Fête de quartier", null);
        var newer = await PermitAsync(name, "luc@exemple.be", "Luc Lambert", "Brocante", null);
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = $"/admin/e-guichet/demandes/{asked}";

        // Straight from "Reçue".
        Assert.Contains("<option value=\"information-demandee\">", await agent.Client.GetStringAsync(page), StringComparison.Ordinal);
        const string Question = "À quelle heure la fête se termine-t-elle ?";
        var ask = await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "information-demandee", ["question"] = Question, ["depuis"] = "recue" });
        Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        Assert.Equal(SubmissionStatus.InformationRequested, (await RequestAsync(fixture, name, asked)).Status);
        Assert.Equal([newer, asked], Codes(await agent.Client.GetStringAsync("/admin/e-guichet")));

        // The citizen's follow-up page puts the question before the answer box, then the answer is marked.
        var citizen = fixture.ClientFor($"{name}.localhost");
        Assert.Equal(HttpStatusCode.Redirect, (await CitizenPostAsync(citizen, "/e-guichet/suivi", new() { ["code"] = asked, ["email"] = "marie@exemple.be" })).StatusCode);
        var followUp = Text(await citizen.GetStringAsync("/e-guichet/suivi"));
        Assert.True(followUp.IndexOf(Question, StringComparison.Ordinal) is > 0 and var at && at < followUp.IndexOf("<label for=\"reply\">", StringComparison.Ordinal), "The question comes after the answer box.");
        Assert.Contains("aria-describedby=\"reply-question reply-hint\"", followUp, StringComparison.Ordinal);
        const string Answer = "Vers 23 heures.";
        Assert.Equal(HttpStatusCode.Redirect, (await CitizenPostAsync(citizen, "/e-guichet/suivi/reponse", new() { ["reply"] = Answer })).StatusCode);

        var queue = await agent.Client.GetStringAsync("/admin/e-guichet");
        Assert.Equal([asked, newer], Codes(queue));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(queue, "data-replied>Réponse reçue</span>"));
        Assert.Equal([asked], Codes(await agent.Client.GetStringAsync("/admin/e-guichet?reponse=recue")));
        Assert.Contains("1 demandeur a répondu à une demande d'information", Text(await agent.Client.GetStringAsync("/admin")), StringComparison.Ordinal);

        // The request's page: the mark, and the latest exchange before the answers and the actions.
        var detail = Text(await agent.Client.GetStringAsync(page));
        Assert.Contains("data-replied>Réponse reçue</span>", detail, StringComparison.Ordinal);
        var exchange = detail.IndexOf("Dernier échange avec le demandeur", StringComparison.Ordinal);
        Assert.True(exchange > 0);
        Assert.True(exchange < detail.IndexOf(Question, StringComparison.Ordinal));
        Assert.True(detail.IndexOf(Question, StringComparison.Ordinal) < detail.IndexOf(Answer, StringComparison.Ordinal));
        Assert.True(detail.IndexOf(Answer, StringComparison.Ordinal) < detail.IndexOf("id=\"statut-title\"", StringComparison.Ordinal));

        // Writing back answers the citizen and clears the mark; the mails say what happened.
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(page, page + "/message", new() { ["message"] = "Merci, c'est noté." })).StatusCode);
        Assert.Null((await RequestAsync(fixture, name, asked)).CitizenRepliedUtc);
        Assert.Empty(Codes(await agent.Client.GetStringAsync("/admin/e-guichet?reponse=recue")));
        Assert.Equal([newer, asked], Codes(await agent.Client.GetStringAsync("/admin/e-guichet")));
        var subjects = (await UserTestPages.MailsToAsync(fixture, name, "marie@exemple.be")).Select(m => m.Subject).ToList();
        Assert.Contains($"Votre demande {asked} : information demandée", subjects);
        Assert.Contains($"Votre demande {asked} : réponse à votre message", subjects);
    }

    private async Task<string> PermitAsync(string tenant, string email, string fullName, string description, string? nrn)
    {
        var answers = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["nom"] = new TextValue(fullName),
            ["description"] = new TextValue(description),
        };
        if (nrn is not null)
        {
            answers["registre"] = new TextValue(nrn);
        }

        return await SubmitAsync(fixture, tenant, "evenement", email, answers);
    }

    private async Task DecideLongAgoAsync(string tenant, string code)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var row = await db.Submissions.SingleAsync(s => s.TrackingCode == code);
        row.Status = SubmissionStatus.Accepted;
        row.UpdatedUtc = fixture.Clock.GetUtcNow().AddDays(-3);
        await db.SaveChangesAsync();
    }

    /// <summary>A POST of the citizen's follow-up page, with its antiforgery token.</summary>
    internal static async Task<HttpResponseMessage> CitizenPostAsync(HttpClient client, string action, Dictionary<string, string> fields)
    {
        fields["__jeton"] = AdminSession.Token(await client.GetStringAsync("/e-guichet/suivi"));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<string> TenantAsync()
    {
        var name = fixture.NewTenantName("tri");
        await fixture.CreateTenantAsync(name);
        await SaveFormAsync(fixture, name, new FormDefinition
        {
            Slug = "evenement",
            Title = "Organiser un événement",
            RetentionDays = 1,
            Steps =
            [
                new FormStep
                {
                    Title = "L'événement",
                    Fields =
                    [
                        new TextField { Name = "nom", Label = "Nom et prénom", Required = true, PersonalData = true },
                        new TextAreaField { Name = "description", Label = "Description", Required = true },
                        new NrnField { Name = "registre", Label = "Numéro de registre national", PersonalData = true },
                    ],
                },
            ],
        });
        return name;
    }
}

public sealed class RequestTriageTestsOnSqlite(SqliteFixture fixture) : RequestTriageTests<SqliteFixture>(fixture);

public sealed class RequestTriageTestsOnPostgres(PostgresFixture fixture) : RequestTriageTests<PostgresFixture>(fixture);
