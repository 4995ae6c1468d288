using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Security;
using Municipal.Forms.Privacy;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Admin;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.RequestTestData;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// Documents back to the citizen (issue 13): an agent sends a PDF with a decision; the citizen downloads it from the
/// follow-up page only after giving the code and the e-mail, never through a public link; retention deletes it. SQLite and PostgreSQL.
/// </summary>
public abstract partial class RequestDocumentTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private static readonly byte[] Certificate = Encoding.ASCII.GetBytes("%PDF-1.4\n% certificat de bonne vie et moeurs\n%%EOF\n");

    [Fact]
    public async Task A_document_sent_with_a_decision_is_downloaded_by_the_citizen_only_within_the_follow_up_access()
    {
        var name = fixture.NewTenantName("document");
        await fixture.CreateTenantAsync(name);
        await SaveFormAsync(fixture, name, Report() with { RetentionDays = 1 });
        var code = await SubmitAsync(fixture, name, "signaler", "marie@exemple.be", Answers("Certificat, s'il vous plaît", withFile: false));
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = $"/admin/e-guichet/demandes/{code}";
        var form = await agent.Client.GetStringAsync(page);
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
        Assert.Contains("<input id=\"statut-document\" name=\"document\" type=\"file\"", form, StringComparison.Ordinal);
        await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "en-traitement" });

        // A document needs a message, and must be what it claims to be; nothing is stored otherwise.
        var alone = await agent.PostMultipartAsync(page, page + "/statut", Decision("", Certificate, "certificat.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.Contains("href=\"#question\">Écrivez un message au demandeur pour accompagner le document.", Text(await alone.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var lying = await agent.PostMultipartAsync(page, page + "/statut", Decision("Voici", Encoding.ASCII.GetBytes("<html>pas un pdf</html>"), "certificat.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, lying.StatusCode);
        Assert.Contains("href=\"#statut-document\">Le contenu du fichier « certificat.pdf »", Text(await lying.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.InProgress, (await RequestAsync(fixture, name, code)).Status);

        var sent = await agent.PostMultipartAsync(page, page + "/statut", Decision("Votre certificat est joint.", Certificate, "certificat.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(SubmissionStatus.Accepted, (await RequestAsync(fixture, name, code)).Status);
        var agentLink = Assert.Single(Links(await agent.Client.GetStringAsync(page), "/documents/"));
        Assert.Equal(Certificate, await agent.Client.GetByteArrayAsync(agentLink));

        // The mail says what happened and that a document waits; it carries no file.
        var mail = Assert.Single(await UserTestPages.MailsToAsync(fixture, name, "marie@exemple.be"), m => (m.Subject ?? string.Empty).StartsWith("Votre demande", StringComparison.Ordinal));
        Assert.Equal($"Votre demande {code} : demande acceptée (document joint)", mail.Subject);
        Assert.Empty(mail.Attachments);
        Assert.Contains("certificat.pdf", mail.TextBody, StringComparison.Ordinal);

        // Without the follow-up access (another browser, or a guessed address): back to the look-up form, no file.
        var citizen = fixture.ClientFor($"{name}.localhost");
        Assert.Equal(HttpStatusCode.Redirect, (await RequestTriageTests<TFixture>.CitizenPostAsync(citizen, "/e-guichet/suivi", new() { ["code"] = code, ["email"] = "marie@exemple.be" })).StatusCode);
        var link = Assert.Single(Links(await citizen.GetStringAsync("/e-guichet/suivi"), "/e-guichet/suivi/documents/"));
        var stranger = fixture.ClientFor($"{name}.localhost");
        var refused = await stranger.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/e-guichet/suivi", refused.Headers.Location?.OriginalString);
        Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);

        var download = await citizen.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("certificat.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Certificate, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/e-guichet/suivi/documents/999999")).StatusCode);

        // The person's data export holds it too.
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var export = scope.ServiceProvider.GetRequiredService<PersonalDataExport>();
            var selection = new PersonalDataSelection(await export.FindRequestsAsync("marie@exemple.be", default), [], null);
            using var zip = new MemoryStream();
            await export.WriteZipAsync("marie@exemple.be", selection, zip, default);
            using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip.ToArray()));
            Assert.Contains(archive.Entries, e => e.FullName == $"pieces-jointes/{code}/document-1-certificat.pdf" && e.Length == Certificate.Length);
        }

        // Retention deletes the document, its row and its file, like the citizen's own files.
        string file;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            file = Path.Combine(fixture.TenantsFolder, name, (await db.Documents.AsNoTracking().SingleAsync()).StoredPath);
            Assert.True(File.Exists(file));
            var row = await db.Submissions.SingleAsync(s => s.TrackingCode == code);
            row.UpdatedUtc = fixture.Clock.GetUtcNow().AddDays(-3);
            await db.SaveChangesAsync();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SubmissionAnonymiser>().RunAsync(default));
            Assert.Equal(0, await db.Documents.CountAsync());
        }

        Assert.False(File.Exists(file));
    }

    private static MultipartFormDataContent Decision(string message, byte[] document, string fileName)
    {
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { new StringContent("acceptee"), "statut" },
            { new StringContent("en-traitement"), "depuis" },
            { new StringContent(message), "question" },
            { file, "document", fileName },
        };
    }

    private static List<string> Links(string html, string part) =>
        LinkPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(h => h.Contains(part, StringComparison.Ordinal)).Distinct().ToList();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();
}

public sealed class RequestDocumentTestsOnSqlite(SqliteFixture fixture) : RequestDocumentTests<SqliteFixture>(fixture);

public sealed class RequestDocumentTestsOnPostgres(PostgresFixture fixture) : RequestDocumentTests<PostgresFixture>(fixture);
