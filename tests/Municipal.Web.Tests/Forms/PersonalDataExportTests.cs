using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Audit;
using Municipal.Core.Security;
using Municipal.Forms.CitizenSignIn;
using Municipal.Forms.Privacy;
using Municipal.Forms.Requests;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>The export of everything held about an e-mail address, from the back office. SQLite and PostgreSQL.</summary>
public abstract class PersonalDataExportTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Page = PrivacyEndpoints.Path;

    [Fact]
    public async Task The_export_holds_the_requests_of_that_address_only_with_their_files_and_is_audited()
    {
        var name = fixture.NewTenantName("rgpd");
        await fixture.CreateTenantAsync(name);
        SubmissionRecord first, second, other;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<FormStore>().SaveAsync(PrivacyTestForms.Form(), default);
            first = await PrivacyTestForms.SubmitAsync(services, "Marie.Dupont@exemple.be", "Marie Dupont", citizen: new CitizenIdentity("85073003328", "Marie", "Dupont"));
            second = await PrivacyTestForms.SubmitAsync(services, "marie.dupont@exemple.be", "Marie Dupont", withPhoto: false);
            other = await PrivacyTestForms.SubmitAsync(services, "pierre.leroy@exemple.be", "Pierre Leroy");
            var db = services.GetRequiredService<FormsDbContext>();
            var row = await db.Submissions.SingleAsync(s => s.Id == first.Id);
            var history = services.GetRequiredService<SubmissionHistory>();
            history.Stage(row, SubmissionEventKind.MessageToCitizen, "Pouvez-vous préciser le numéro ?", visibleToCitizen: true, "agent-1", "agent@commune.be", SubmissionStatus.InformationRequested);
            history.Stage(row, SubmissionEventKind.InternalNote, "Note interne : voisin pénible", visibleToCitizen: false, "agent-1", "agent@commune.be");
            await db.SaveChangesAsync();
        }

        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = await agent.Client.GetStringAsync(Page);
        Assert.Contains("<h1>Données personnelles des demandeurs</h1>", page, StringComparison.Ordinal);

        var response = await agent.PostFormAsync(Page, Page, new() { ["email"] = "  MARIE.dupont@Exemple.be " });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? string.Empty, StringComparison.Ordinal);

        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var jsonEntry = zip.GetEntry(PersonalDataExport.JsonEntry)!;
        string jsonText;
        await using (var stream = await jsonEntry.OpenAsync())
        using (var reader = new StreamReader(stream))
        {
            jsonText = await reader.ReadToEndAsync();
        }

        Assert.Contains("\n  \"requests\"", jsonText, StringComparison.Ordinal); // indented
        Assert.Contains("Trottoir défoncé rue du Centre", jsonText, StringComparison.Ordinal); // UTF-8, accents as such
        Assert.DoesNotContain(other.TrackingCode, jsonText, StringComparison.Ordinal);
        Assert.DoesNotContain("Pierre", jsonText, StringComparison.Ordinal);
        Assert.DoesNotContain("voisin pénible", jsonText, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(jsonText);
        var requests = json.RootElement.GetProperty("requests").EnumerateArray().ToList();
        Assert.Equal([first.TrackingCode, second.TrackingCode], requests.Select(r => r.GetProperty("trackingCode").GetString()));
        var firstRequest = requests[0];
        Assert.Equal("Signaler un problème sur la voie publique", firstRequest.GetProperty("formTitle").GetString());
        Assert.Equal("Information demandée", firstRequest.GetProperty("statusLabel").GetString());
        Assert.Equal("85073003328", firstRequest.GetProperty("signedInCitizen").GetProperty("nationalNumber").GetString());
        var answers = firstRequest.GetProperty("answers").EnumerateArray().ToDictionary(a => a.GetProperty("field").GetString()!, a => a.GetProperty("text").GetString());
        Assert.Equal("Marie Dupont", answers["nom"]);
        Assert.Equal("Rue des Lilas 12, 5000 Namur", answers["adresse"]);
        Assert.Equal("Voirie", answers["categorie"]);
        Assert.Equal("voirie", firstRequest.GetProperty("storedValues").GetProperty("categorie").GetString());
        Assert.Contains(firstRequest.GetProperty("history").EnumerateArray(), h => h.GetProperty("text").GetString() == "Pouvez-vous préciser le numéro ?");
        var attachment = Assert.Single(firstRequest.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("photo-trottoir.jpg", PrivacyTestForms.Photo.Length), (attachment.GetProperty("name").GetString(), attachment.GetProperty("size").GetInt32()));
        var fileEntry = zip.GetEntry(attachment.GetProperty("file").GetString()!)!;
        using (var file = new MemoryStream())
        {
            await using var stream = await fileEntry.OpenAsync();
            await stream.CopyToAsync(file);
            Assert.Equal(PrivacyTestForms.Photo, file.ToArray());
        }

        Assert.Empty(requests[1].GetProperty("attachments").EnumerateArray());
        Assert.Equal(2, zip.Entries.Count); // the JSON and the one photo: nothing of the other address

        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var line = Assert.Single(await scope.ServiceProvider.GetRequiredService<AuditLog>().ReadAsync(0, 50), l => l.Action == PrivacyEndpoints.AuditAction);
            Assert.Equal(("m***@exemple.be", agent.Email), (line.ObjectName, line.Actor));
            Assert.StartsWith("2 demande(s)", line.Details, StringComparison.Ordinal);
            Assert.DoesNotContain("marie", line.Details!, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task An_agent_s_export_leaves_out_the_requests_of_a_form_reserved_to_another_role_and_says_so()
    {
        var name = fixture.NewTenantName("rgpd");
        await fixture.CreateTenantAsync(name);
        SubmissionRecord open, reserved;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var services = scope.ServiceProvider;
            var store = services.GetRequiredService<FormStore>();
            await store.SaveAsync(PrivacyTestForms.Form(), default);
            await store.SaveAsync(PrivacyTestForms.Form() with { Slug = "etat-civil", Title = "Acte d'état civil", AgentRole = TenantRoles.Administrator }, default);
            open = await PrivacyTestForms.SubmitAsync(services, "marie.dupont@exemple.be", "Marie Dupont");
            reserved = await PrivacyTestForms.SubmitAsync(services, "marie.dupont@exemple.be", "Marie Réservée", slug: "etat-civil");
        }

        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync(RequestRoutes.Detail(reserved.TrackingCode))).StatusCode); // as on the request page
        var page = WebUtility.HtmlDecode(await agent.Client.GetStringAsync(Page));
        Assert.Contains("« Acte d'état civil » : rôle Administrateur·rice", page, StringComparison.Ordinal);

        var (agentJson, agentEntries) = await ExportAsync(agent, "marie.dupont@exemple.be");
        Assert.Contains(open.TrackingCode, agentJson, StringComparison.Ordinal);
        Assert.DoesNotContain(reserved.TrackingCode, agentJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Marie Réservée", agentJson, StringComparison.Ordinal);
        Assert.DoesNotContain(agentEntries, e => e.Contains(reserved.TrackingCode, StringComparison.Ordinal));
        Assert.Equal(2, agentEntries.Count); // the JSON and the open request's photo
        using (var json = JsonDocument.Parse(agentJson))
        {
            var omitted = json.RootElement.GetProperty("omitted");
            Assert.Equal(1, omitted.GetProperty("requests").GetInt32());
            Assert.Equal("1 demande(s) de formulaires réservés à un autre rôle n'ont pas été exportée(s) : « Acte d'état civil ».", omitted.GetProperty("note").GetString());
        }

        var admin = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);
        var (adminJson, adminEntries) = await ExportAsync(admin, "marie.dupont@exemple.be");
        Assert.Contains(reserved.TrackingCode, adminJson, StringComparison.Ordinal);
        Assert.Contains("Marie Réservée", adminJson, StringComparison.Ordinal);
        Assert.Contains(adminEntries, e => e.Contains(reserved.TrackingCode, StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(adminJson))
        {
            Assert.False(json.RootElement.TryGetProperty("omitted", out _));
        }

        // Only reserved requests under that address: no empty file, a message saying why.
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await PrivacyTestForms.SubmitAsync(scope.ServiceProvider, "jean.martin@exemple.be", "Jean Martin", slug: "etat-civil");
        }

        var none = await agent.PostFormAsync(Page, Page, new() { ["email"] = "jean.martin@exemple.be" });
        Assert.Equal("text/html", none.Content.Headers.ContentType?.MediaType);
        Assert.Contains(
            "1 demande(s) de formulaires réservés à un autre rôle n'ont pas été exportée(s)",
            WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
    }

    private static async Task<(string Json, List<string> Entries)> ExportAsync(AdminSession session, string email)
    {
        var response = await session.PostFormAsync(Page, Page, new() { ["email"] = email });
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        await using var stream = await zip.GetEntry(PersonalDataExport.JsonEntry)!.OpenAsync();
        using var reader = new StreamReader(stream);
        return (await reader.ReadToEndAsync(), zip.Entries.Select(e => e.FullName).ToList());
    }

    [Fact]
    public async Task An_invalid_address_gets_an_error_summary_and_an_unknown_one_a_message_without_file()
    {
        var name = fixture.NewTenantName("rgpd");
        await fixture.CreateTenantAsync(name);
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);

        var invalid = await agent.PostFormAsync(Page, Page, new() { ["email"] = "marie.dupont-exemple.be" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#email\"", html, StringComparison.Ordinal);
        Assert.Contains("Saisissez une adresse e-mail valide", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);

        var empty = await agent.PostFormAsync(Page, Page, new() { ["email"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Saisissez l'adresse e-mail du demandeur", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var unknown = await agent.PostFormAsync(Page, Page, new() { ["email"] = "personne@exemple.be" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal("text/html", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Aucune demande ni aucun brouillon", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_and_administrators_may_export_and_editors_may_not()
    {
        var name = fixture.NewTenantName("rgpd");
        await fixture.CreateTenantAsync(name);
        foreach (var role in new[] { TenantRoles.Agent, TenantRoles.Administrator })
        {
            var session = await AdminSession.SignInAsync(fixture, name, role);
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(Page)).StatusCode);
            Assert.Contains("href=\"/admin/e-guichet/donnees-personnelles\"", await session.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
        }

        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.GetAsync(Page)).StatusCode);
        var token = AdminSession.Token(await editor.Client.GetStringAsync("/admin"));
        var post = await editor.Client.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = token, ["email"] = "marie@exemple.be" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain("donnees-personnelles", await editor.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }
}

public sealed class PersonalDataExportTestsOnSqlite(SqliteFixture fixture) : PersonalDataExportTests<SqliteFixture>(fixture);

public sealed class PersonalDataExportTestsOnPostgres(PostgresFixture fixture) : PersonalDataExportTests<PostgresFixture>(fixture);
