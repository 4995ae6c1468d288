using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Audit;
using Municipal.Core.Security;
using Municipal.Forms.Requests;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.RequestTestData;

namespace Municipal.Web.Tests.Forms;

/// <summary>The agents' queue of requests (/admin/e-guichet), its filters, who may see what, and its CSV export. SQLite and PostgreSQL.</summary>
public abstract class RequestQueueTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task The_queue_shows_requests_newest_first_and_filters_by_form_status_assignee_and_dates()
    {
        var name = await TenantAsync();
        await SaveFormAsync(fixture, name, Report());
        await SaveFormAsync(fixture, name, Report(slug: "salle", title: "Réserver une salle"));
        var first = await SubmitAsync(fixture, name, "signaler", "marie@exemple.be", Answers("Trottoir défoncé", withFile: false));
        var second = await SubmitAsync(fixture, name, "salle", "pierre@exemple.be", Answers("Salle des fêtes", withFile: false));
        var third = await SubmitAsync(fixture, name, "signaler", "luc@exemple.be", Answers("Lampadaire éteint", withFile: false));
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);

        var page = await agent.Client.GetAsync("/admin/e-guichet");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal([third, second, first], Codes(html));
        Assert.Contains("<h1>Demandes des citoyens</h1>", html, StringComparison.Ordinal);
        Assert.Contains(">Demandes</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status-tag status-tag-request-recue\">Reçue</span>", html, StringComparison.Ordinal);
        Assert.Contains("Réserver une salle", html, StringComparison.Ordinal);

        Assert.Equal([third, first], Codes(await agent.Client.GetStringAsync("/admin/e-guichet?formulaire=signaler")));

        // Taking one request: "assigned to me", "to nobody", and a status filter.
        var detail = await agent.Client.GetStringAsync($"/admin/e-guichet/demandes/{first}");
        var assigned = await agent.Client.PostAsync($"/admin/e-guichet/demandes/{first}/attribution", Form(detail, new() { ["agent"] = "moi" }));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        await agent.PostFormAsync($"/admin/e-guichet/demandes/{second}", $"/admin/e-guichet/demandes/{second}/statut", new() { ["statut"] = "en-traitement" });
        Assert.Equal([first], Codes(await agent.Client.GetStringAsync("/admin/e-guichet?agent=moi")));
        Assert.Equal([third, second], Codes(await agent.Client.GetStringAsync("/admin/e-guichet?agent=personne")));
        Assert.Equal([second], Codes(await agent.Client.GetStringAsync("/admin/e-guichet?statut=en-traitement")));
        Assert.Equal([third, first], Codes(await agent.Client.GetStringAsync("/admin/e-guichet?statut=recue&agent=")));
        // The requests are dated by the hosts' clock, not the machine's (MUNICIPAL_TEST_NOW may move it years away).
        var today = fixture.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = fixture.Clock.GetUtcNow().AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, Codes(await agent.Client.GetStringAsync($"/admin/e-guichet?du=2020-01-01&au={tomorrow}")).Count);
        var none = await agent.Client.GetStringAsync($"/admin/e-guichet?du={tomorrow}");
        Assert.Empty(Codes(none));
        Assert.Contains("Aucune demande ne correspond à ces filtres.", Text(none), StringComparison.Ordinal);
        Assert.Contains($"value=\"{tomorrow}\"", none, StringComparison.Ordinal);
        Assert.NotEqual(today, tomorrow);

        // The dashboard counts what waits.
        var dashboard = Text(await agent.Client.GetStringAsync("/admin"));
        Assert.Contains("1 demande à traiter vous est attribuée", dashboard, StringComparison.Ordinal);
        Assert.Contains("2 demandes à traiter ne sont attribuées à personne", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_filters_are_named_in_an_error_summary_with_a_400()
    {
        var name = await TenantAsync();
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);

        var response = await agent.Client.GetAsync("/admin/e-guichet?du=31-31-2026&au=demain&statut=perdue");
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Erreur : ", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#filter-from\">Saisissez la date de début comme 29/11/2026.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#filter-to\">Saisissez la date de fin comme 29/11/2026.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#filter-status\">Choisissez un statut de la liste.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.Client.GetAsync("/admin/e-guichet/export.csv?du=hier")).StatusCode);
    }

    [Fact]
    public async Task An_editor_may_not_open_the_requests()
    {
        var name = await TenantAsync();
        await SaveFormAsync(fixture, name, Report());
        var code = await SubmitAsync(fixture, name, "signaler", "marie@exemple.be", Answers("Trottoir"));
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);

        foreach (var path in new[] { "/admin/e-guichet", $"/admin/e-guichet/demandes/{code}", "/admin/e-guichet/export.csv" })
        {
            var response = await editor.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.DoesNotContain(">Demandes</a>", await editor.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(fixture, name, RequestAudit.RequestViewed));
    }

    [Fact]
    public async Task A_form_reserved_to_a_role_is_hidden_from_other_agents_and_shown_to_administrators()
    {
        var name = await TenantAsync();
        await SaveFormAsync(fixture, name, Report());
        await SaveFormAsync(fixture, name, Report(agentRole: TenantRoles.Administrator, slug: "etat-civil", title: "Acte d'état civil"));
        var open = await SubmitAsync(fixture, name, "signaler", "marie@exemple.be", Answers("Trottoir", withFile: false));
        var reserved = await SubmitAsync(fixture, name, "etat-civil", "pierre@exemple.be", Answers("Acte de naissance"));
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var admin = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);

        var agentQueue = await agent.Client.GetStringAsync("/admin/e-guichet");
        Assert.Equal([open], Codes(agentQueue));
        Assert.Contains("ne sont visibles que par les membres de ce rôle et par les administrateurs", Text(agentQueue), StringComparison.Ordinal);
        Assert.Contains("« Acte d'état civil » : rôle", Text(agentQueue), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync($"/admin/e-guichet/demandes/{reserved}")).StatusCode);
        var adminDetail = await admin.Client.GetStringAsync($"/admin/e-guichet/demandes/{reserved}");
        var link = Assert.Single(DownloadLinks(adminDetail));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync(link)).StatusCode);
        Assert.DoesNotContain(reserved, Encoding.UTF8.GetString(await agent.Client.GetByteArrayAsync("/admin/e-guichet/export.csv")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostFormAsync("/admin/e-guichet", $"/admin/e-guichet/demandes/{reserved}/note", new() { ["note"] = "x" })).StatusCode);

        Assert.Equal([reserved, open], Codes(await admin.Client.GetStringAsync("/admin/e-guichet")));
        Assert.Contains("Acte de naissance", Text(adminDetail), StringComparison.Ordinal);

        // Nobody can be given a request they could not open.
        var agentId = await UserIdAsync(name, agent.Email);
        var refused = await admin.PostFormAsync($"/admin/e-guichet/demandes/{reserved}", $"/admin/e-guichet/demandes/{reserved}/attribution", new() { ["agent"] = agentId });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ne peut pas voir les demandes de ce formulaire", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null((await RequestAsync(fixture, name, reserved)).AssigneeId);
    }

    [Fact]
    public async Task The_csv_export_has_one_row_per_filtered_request_defuses_formulas_and_is_audited()
    {
        var name = await TenantAsync();
        await SaveFormAsync(fixture, name, Report());
        await SaveFormAsync(fixture, name, Report(slug: "salle", title: "Réserver une salle"));
        var hostile = await SubmitAsync(fixture, name, "signaler", "marie@exemple.be", Answers("=HYPERLINK(\"http://pirate.example\";\"clic\")", withFile: false));
        var plain = await SubmitAsync(fixture, name, "signaler", "luc@exemple.be", Answers("Trou; profond\net \"large\"", fileName: "@plan.pdf"));
        var other = await SubmitAsync(fixture, name, "salle", "pierre@exemple.be", Answers("+32 salle", withFile: false));
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);

        var response = await agent.Client.GetAsync("/admin/e-guichet/export.csv?formulaire=signaler");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Code de suivi;Formulaire;Version;Reçue le;Modifiée le;Statut;Attribuée à;Description;Urgence;Plan ou photo", lines[0]);
        Assert.StartsWith($"{plain};Signaler un problème;1;", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(";Reçue;;\"Trou; profond\net \"\"large\"\"\";Dangereux;'@plan.pdf", lines[1], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains($"{hostile};Signaler un problème;1;", csv, StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://pirate.example\"\";\"\"clic\"\")\";Dangereux;", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(other, csv, StringComparison.Ordinal);

        var all = Encoding.UTF8.GetString(await agent.Client.GetByteArrayAsync("/admin/e-guichet/export.csv"));
        Assert.Contains("Attribuée à;Réponses", all, StringComparison.Ordinal);
        Assert.Contains($"{other};Réserver une salle;1;", all, StringComparison.Ordinal);
        Assert.Contains(";Reçue;;Description : +32 salle | Urgence : Dangereux", all, StringComparison.Ordinal);

        var audit = await AuditAsync(fixture, name, RequestAudit.RequestsExported);
        Assert.Equal(2, audit.Count);
        Assert.Equal(agent.Email, audit[0].Actor);
        Assert.Equal("2 demande(s) exportée(s) ; filtres : formulaire « Signaler un problème »", audit[0].Details);
        Assert.Equal("3 demande(s) exportée(s) ; filtres : sans filtre", audit[1].Details);
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields) =>
        new(new Dictionary<string, string>(fields) { ["__jeton"] = AdminSession.Token(page) });

    private async Task<string> UserIdAsync(string tenant, string email)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        var db = scope.ServiceProvider.GetRequiredService<Municipal.Core.Storage.TenantDbContext>();
        return (await db.Users.AsNoTracking().SingleAsync(u => u.Email == email)).Id;
    }

    private async Task<string> TenantAsync()
    {
        var name = fixture.NewTenantName("guichet");
        await fixture.CreateTenantAsync(name);
        return name;
    }
}

public sealed class RequestQueueTestsOnSqlite(SqliteFixture fixture) : RequestQueueTests<SqliteFixture>(fixture);

public sealed class RequestQueueTestsOnPostgres(PostgresFixture fixture) : RequestQueueTests<PostgresFixture>(fixture);
