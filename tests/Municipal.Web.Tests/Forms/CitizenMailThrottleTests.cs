using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Background;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.PublicClients;
using static Municipal.Web.Tests.Forms.PublicFormTestForms;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// The mails the public can have the e-counter send are throttled per recipient and per client (the request or the
/// draft is kept, the page says no mail went and gives the code or the link), and the receipt carries no answer.
/// SQLite and PostgreSQL.
/// </summary>
public abstract partial class CitizenMailThrottleTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string SavePath = "/e-guichet/" + Slug + "/enregistrer";

    [Fact]
    public async Task Resume_links_stop_at_the_recipients_limit_then_at_the_clients_and_the_page_gives_the_link_instead()
    {
        await using var app = StartBehindProxy(fixture, new() { ["Municipal:CitizenMailsPerRecipientPerHour"] = "2", ["Municipal:CitizenMailsPerClientPerHour"] = "3" });
        var name = await TenantAsync(app);
        var citizen = From(app, name, "203.0.113.10");
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostAsync($"/e-guichet/{Slug}/etape/1", Form(FirstStep()))).StatusCode);

        Assert.EndsWith("?envoye=1", await SaveAsync(citizen, "marie@exemple.be"), StringComparison.Ordinal);
        Assert.EndsWith("?envoye=1", await SaveAsync(citizen, "marie@exemple.be"), StringComparison.Ordinal);
        var held = await SaveAsync(citizen, "marie@exemple.be");
        Assert.EndsWith("?envoye=0", held, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync(held));
        Assert.Contains("nous n'avons pas pu envoyer le lien à marie@exemple.be", page, StringComparison.Ordinal);
        var shown = ResumeLink().Match(page).Value;
        Assert.NotEmpty(shown);

        // Another recipient from the same client: one more mail, then the client's 3 per hour are spent.
        Assert.EndsWith("?envoye=1", await SaveAsync(citizen, "jean@exemple.be"), StringComparison.Ordinal);
        Assert.EndsWith("?envoye=0", await SaveAsync(citizen, "paul@exemple.be"), StringComparison.Ordinal);

        // Another client may still mail paul; an hour later, marie may be mailed again.
        var other = From(app, name, "198.51.100.20");
        await other.PostAsync($"/e-guichet/{Slug}/etape/1", Form(FirstStep()));
        Assert.EndsWith("?envoye=1", await SaveAsync(other, "paul@exemple.be"), StringComparison.Ordinal);
        fixture.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.EndsWith("?envoye=1", await SaveAsync(citizen, "marie@exemple.be"), StringComparison.Ordinal);

        await app.Services.GetRequiredService<JobRunner>().RunDueAsync();
        var mails = await MailsAsync(fixture, name);
        Assert.Equal(
            [("jean@exemple.be", 1), ("marie@exemple.be", 3), ("paul@exemple.be", 1)],
            mails.GroupBy(m => m.To.Mailboxes.Single().Address).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key).ToList());

        // The link shown on the page opens the draft like the mailed one.
        var resumed = await From(app, name, "192.0.2.1").GetAsync(new Uri(WebUtility.HtmlDecode(shown)).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        Assert.Equal($"/e-guichet/{Slug}/etape/2", resumed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_held_back_receipt_loses_no_request_and_the_confirmation_says_to_note_the_code()
    {
        await using var app = StartBehindProxy(fixture, new() { ["Municipal:CitizenMailsPerRecipientPerHour"] = "1" });
        var name = await TenantAsync(app);

        var first = await SubmitAsync(From(app, name, "203.0.113.10"), "marie@exemple.be");
        Assert.DoesNotContain("courriel=0", first, StringComparison.Ordinal);
        var second = await SubmitAsync(From(app, name, "203.0.113.11"), "marie@exemple.be");
        Assert.EndsWith("&courriel=0", second, StringComparison.Ordinal);
        var confirmation = WebUtility.HtmlDecode(await From(app, name, "203.0.113.11").GetStringAsync(second));
        var code = Regex.Match(second, "code=(EG-[A-Z0-9-]+)").Groups[1].Value;
        Assert.Contains($"<strong class=\"eform-code\">{code}</strong>", confirmation, StringComparison.Ordinal);
        Assert.Contains("Nous n'avons pas pu vous envoyer de courriel de confirmation", confirmation, StringComparison.Ordinal);
        Assert.Contains("notez votre code de suivi", confirmation, StringComparison.Ordinal);

        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.CountAsync());
        }

        await app.Services.GetRequiredService<JobRunner>().RunDueAsync();
        var receipt = Assert.Single(await MailsAsync(fixture, name));
        Assert.DoesNotContain(code, receipt.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receipt_has_the_code_and_the_follow_up_link_but_none_of_the_answers()
    {
        await using var app = StartBehindProxy(fixture, []);
        var name = await TenantAsync(app);
        var citizen = From(app, name, "203.0.113.10");
        await citizen.PostAsync($"/e-guichet/{Slug}/etape/1", Form(FirstStep()));
        var content = new MultipartFormDataContent
        {
            { new StringContent("Gagnez 1000 euros sur arnaque.example"), "nom" },
            { new StringContent("Rue de Fer"), "adresse.street" },
            { new StringContent("12"), "adresse.number" },
            { new StringContent("5000"), "adresse.postalCode" },
            { new StringContent("Namur"), "adresse.locality" },
            { new StringContent("true"), "accord" },
            { new StringContent("next"), "action" },
        };
        var step2 = await citizen.PostAsync($"/e-guichet/{Slug}/etape/2", content);
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        var summary = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/e-guichet/{Slug}/verification"));
        Assert.Contains("Gagnez 1000 euros sur arnaque.example", summary, StringComparison.Ordinal);
        var sent = await citizen.PostAsync($"/e-guichet/{Slug}/verification", Form(new() { ["email"] = "victime@exemple.be" }));
        var code = Regex.Match(sent.Headers.Location!.OriginalString, "code=(EG-[A-Z0-9-]+)").Groups[1].Value;

        await app.Services.GetRequiredService<JobRunner>().RunDueAsync();
        var eml = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(fixture.TenantsFolder, name, "mail"), "*.eml")));
        var receipt = Assert.Single(await MailsAsync(fixture, name));
        Assert.Contains(code, receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://{name}.localhost/e-guichet/suivi?code={code}", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("Réserver une salle communale", receipt.TextBody, StringComparison.Ordinal);
        foreach (var answer in new[] { "arnaque", "Gagnez", "Rue de Fer", "Namur", "Grande salle", "15/06/2027" })
        {
            Assert.DoesNotContain(answer, receipt.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(answer, eml, StringComparison.Ordinal);
        }
    }

    private async Task<string> TenantAsync(MunicipalApp app) => await ApiTestForms.TenantWithFormAsync(fixture, app, "courriels", Booking());

    private static async Task<string> SaveAsync(HttpClient client, string email)
    {
        var response = await client.PostAsync(SavePath, Form(new() { ["email"] = email }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Fills the booking form and sends it; answers the confirmation's address.</summary>
    private static async Task<string> SubmitAsync(HttpClient client, string email)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/e-guichet/{Slug}/etape/1", Form(FirstStep()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/e-guichet/{Slug}/etape/2", SecondStep(withFile: false))).StatusCode);
        var sent = await client.PostAsync($"/e-guichet/{Slug}/verification", Form(new() { ["email"] = email }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return sent.Headers.Location!.OriginalString;
    }

    [GeneratedRegex(@"https?://[^\s""<]+/reprendre\?jeton=[^\s""<]+")]
    private static partial Regex ResumeLink();
}

public sealed class CitizenMailThrottleTestsOnSqlite(SqliteFixture fixture) : CitizenMailThrottleTests<SqliteFixture>(fixture);

public sealed class CitizenMailThrottleTestsOnPostgres(PostgresFixture fixture) : CitizenMailThrottleTests<PostgresFixture>(fixture);
