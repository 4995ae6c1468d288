using System.Net;
using Municipal.Core.Security;
using Municipal.Forms.Model;
using Municipal.Web.Tests.Admin;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.PublicFormTestForms;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// Identifiers as people read them (summary, back office) and kept out of mails in clear; what a wrong date's parts
/// say. SQLite and PostgreSQL.
/// </summary>
public abstract class IdentifierDisplayTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string RefundSlug = "remboursement";

    private static FormDefinition Refund() => new()
    {
        Slug = RefundSlug,
        Title = "Demander un remboursement",
        Steps =
        [
            new FormStep
            {
                Title = "Vous",
                Fields =
                [
                    new NrnField { Name = "nrn", Label = "Numéro de registre national", Required = true, PersonalData = true },
                    new PhoneField { Name = "gsm", Label = "GSM", Required = true, PersonalData = true },
                    new IbanField { Name = "compte", Label = "Compte bancaire", Required = true, PersonalData = true },
                ],
            },
        ],
    };

    [Fact]
    public async Task The_summary_and_the_agent_show_identifiers_grouped_and_mails_never_carry_them_whole()
    {
        var name = fixture.NewTenantName("ident");
        await fixture.CreateTenantAsync(name);
        await SaveAsync(fixture, name, Refund());
        var client = fixture.ClientFor($"{name}.localhost");
        var step = $"/e-guichet/{RefundSlug}/etape/1";
        var summaryPath = $"/e-guichet/{RefundSlug}/verification";
        await client.GetAsync($"/e-guichet/{RefundSlug}");

        var posted = await client.PostAsync(step, Form(new() { ["nrn"] = "90021412303", ["gsm"] = "+32470123456", ["compte"] = "be68539007547034", ["action"] = "next" }));
        Assert.Equal(summaryPath, posted.Headers.Location?.OriginalString);
        var summary = RequestTestData.Text(await client.GetStringAsync(summaryPath));
        Assert.Contains("<dd>90.02.14-123.03</dd>", summary, StringComparison.Ordinal);
        Assert.Contains("<dd>+32 470 12 34 56</dd>", summary, StringComparison.Ordinal);
        Assert.Contains("<dd>BE68 5390 0754 7034</dd>", summary, StringComparison.Ordinal);
        Assert.Contains("Étape 2 sur 2 : vérification de vos réponses", summary, StringComparison.Ordinal);

        var sent = await client.PostAsync(summaryPath, Form(new() { ["email"] = "marie@exemple.be" }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var code = System.Text.RegularExpressions.Regex.Match(sent.Headers.Location!.OriginalString, "code=(EG-[A-Z0-9-]+)").Groups[1].Value;

        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = $"/admin/e-guichet/demandes/{code}";
        var detail = RequestTestData.Text(await agent.Client.GetStringAsync(page));
        Assert.Contains("90.02.14-123.03", detail, StringComparison.Ordinal);
        Assert.Contains("+32 470 12 34 56", detail, StringComparison.Ordinal);
        Assert.Contains("BE68 5390 0754 7034", detail, StringComparison.Ordinal);

        // The agent quotes the numbers in a message: the citizen reads them whole on the follow-up page, the mail keeps the last digits.
        var text = "Nous avons bien noté le numéro 90.02.14-123.03 et le compte BE68 5390 0754 7034.";
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(page, page + "/message", new() { ["message"] = text })).StatusCode);
        var mails = await UserTestPages.MailsToAsync(fixture, name, "marie@exemple.be");
        Assert.Equal(2, mails.Count);
        Assert.All(mails, mail =>
        {
            var body = mail.TextBody ?? string.Empty;
            Assert.DoesNotContain("123.03", body, StringComparison.Ordinal);
            Assert.DoesNotContain("90021412303", body, StringComparison.Ordinal);
            Assert.DoesNotContain("5390", body, StringComparison.Ordinal);
        });
        Assert.Contains(mails, m => (m.TextBody ?? string.Empty).Contains("le numéro ••.••.••-•••.03 et le compte BE•• •••• •••• 7034.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "6", "2027", "Il manque le jour dans « Date de l'événement ».")]
    [InlineData("15", "", "2027", "Il manque le mois dans « Date de l'événement ».")]
    [InlineData("15", "6", "", "Il manque l'année dans « Date de l'événement ».")]
    [InlineData("1S", "6", "2027", "Le jour, le mois et l'année de « Date de l'événement » ne peuvent contenir que des chiffres.")]
    [InlineData("15", "6", "27", "L'année de « Date de l'événement » doit compter 4 chiffres.")]
    [InlineData("15", "13", "2027", "Le mois de « Date de l'événement » doit être un nombre de 1 à 12.")]
    [InlineData("29", "2", "2027", "Le jour de « Date de l'événement » n'existe pas : février 2027 compte 28 jours.")]
    public async Task A_wrong_date_says_which_part_is_wrong(string day, string month, string year, string message)
    {
        var name = fixture.NewTenantName("date");
        await fixture.CreateTenantAsync(name);
        await SaveAsync(fixture, name);
        var client = fixture.ClientFor($"{name}.localhost");
        var fields = FirstStep();
        (fields["jour.day"], fields["jour.month"], fields["jour.year"]) = (day, month, year);

        var response = await client.PostAsync($"/e-guichet/{Slug}/etape/1", Form(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, RequestTestData.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

public sealed class IdentifierDisplayTestsOnSqlite(SqliteFixture fixture) : IdentifierDisplayTests<SqliteFixture>(fixture);

public sealed class IdentifierDisplayTestsOnPostgres(PostgresFixture fixture) : IdentifierDisplayTests<PostgresFixture>(fixture);
