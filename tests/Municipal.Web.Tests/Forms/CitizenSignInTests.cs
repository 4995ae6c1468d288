using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Forms.CitizenSignIn;
using Municipal.Forms.Model;
using Municipal.Forms.PublicFlow;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// The citizen's sign-in for forms that require one, through the test double of the national authentication
/// service (the tests' configuration selects it). SQLite and PostgreSQL.
/// </summary>
public abstract class CitizenSignInTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Simulation = "/e-guichet/connexion/simulation";

    [Fact]
    public async Task A_citizen_signs_in_with_a_valid_national_number_and_comes_back_where_they_were()
    {
        var name = fixture.NewTenantName("citoyen");
        await fixture.CreateTenantAsync(name);
        var client = fixture.ClientFor($"{name}.localhost");

        var page = await client.GetStringAsync("/e-guichet/connexion?retour=%2Fe-guichet%2Fcertificat-de-residence");
        Assert.Contains("S&#x27;identifier avec le service d&#x27;identification simul", page, StringComparison.Ordinal);
        Assert.Contains($"{Simulation}?retour=%2Fe-guichet%2Fcertificat-de-residence", page, StringComparison.Ordinal);

        var response = await PostAsync(client, "/e-guichet/certificat-de-residence", "Marie", "Dupont", "85.07.30-033.28");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/e-guichet/certificat-de-residence", response.Headers.Location!.OriginalString);
        var signedIn = await client.GetStringAsync("/e-guichet/connexion");
        Assert.Contains("identifié·e comme Marie Dupont", signedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_national_number_or_missing_name_is_named_in_the_error_summary_and_nobody_is_signed_in()
    {
        var name = fixture.NewTenantName("erreur");
        await fixture.CreateTenantAsync(name);
        var client = fixture.ClientFor($"{name}.localhost");

        var response = await PostAsync(client, "/", string.Empty, "Dupont", "85.07.30-033.29");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Erreur : ", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#prenom\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#registre\"", html, StringComparison.Ordinal);
        Assert.Contains("n&#x27;est pas valide", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Dupont\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("identifié·e comme", await client.GetStringAsync("/e-guichet/connexion"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://ailleurs.example/piege")]
    [InlineData("//ailleurs.example/piege")]
    [InlineData("/\\ailleurs.example")]
    public async Task The_return_address_never_leaves_the_site(string elsewhere)
    {
        var name = fixture.NewTenantName("retour");
        await fixture.CreateTenantAsync(name);
        var client = fixture.ClientFor($"{name}.localhost");

        var response = await PostAsync(client, elsewhere, "Marie", "Dupont", "85073003328");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_citizen_signed_in_on_one_municipality_is_not_on_another()
    {
        var first = fixture.NewTenantName("ici");
        var second = fixture.NewTenantName("labas");
        await fixture.CreateTenantAsync(first);
        await fixture.CreateTenantAsync(second);
        var client = fixture.ClientFor($"{first}.localhost");
        var cookie = await CitizenCookieAsync(client);

        var other = fixture.ClientFor($"{second}.localhost");
        other.DefaultRequestHeaders.Add("Cookie", cookie);
        var page = await other.GetStringAsync("/e-guichet/connexion");

        Assert.DoesNotContain("identifié·e comme", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_national_service_the_page_says_sign_in_is_not_available_and_the_simulation_is_gone()
    {
        await using var app = fixture.StartApp(new Dictionary<string, string?> { ["Municipal:CitizenIdentity"] = "none" });
        var name = fixture.NewTenantName("sans");
        await fixture.CreateTenantAsync(name);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{name}.localhost/"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/e-guichet/connexion");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("pas encore disponible", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Simulation)).StatusCode);
    }

    [Fact]
    public async Task A_form_that_requires_sign_in_takes_no_anonymous_request_and_keeps_the_signed_in_citizen()
    {
        var name = fixture.NewTenantName("identifie");
        await fixture.CreateTenantAsync(name);
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var form = new FormDefinition
        {
            Slug = "prime-naissance",
            Title = "Prime de naissance",
            LoginRequired = true,
            Steps = [new FormStep { Title = "L'enfant", Fields = [new TextField { Name = "prenom", Label = "Prénom de l'enfant", Required = true }] }],
        };
        await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(form, default);
        var intake = scope.ServiceProvider.GetRequiredService<SubmissionIntake>();
        var values = new Dictionary<string, FieldValue> { ["prenom"] = new TextValue("Léa") };

        var anonymous = await intake.AcceptAsync("prime-naissance", "parent@exemple.be", values, null, default);
        var signedIn = await intake.AcceptAsync("prime-naissance", "parent@exemple.be", values, null, new CitizenIdentity("85073003328", "Marie", "Dupont"), default);

        Assert.False(anonymous.Accepted);
        Assert.Contains("vous identifier", Assert.Single(anonymous.Errors).Message, StringComparison.Ordinal);
        Assert.True(signedIn.Accepted);
        var stored = await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.AsNoTracking().SingleAsync();
        Assert.Equal(signedIn.TrackingCode, stored.TrackingCode);
        Assert.Equal("85073003328", stored.CitizenNationalNumber);
        Assert.Equal("Marie Dupont", stored.CitizenName);
    }

    [Fact]
    public async Task Over_http_a_citizen_is_sent_to_sign_in_comes_back_to_the_form_and_the_request_holds_their_identity()
    {
        var name = fixture.NewTenantName("bout-en-bout");
        await fixture.CreateTenantAsync(name);
        await RequestTestData.SaveFormAsync(fixture, name, new FormDefinition
        {
            Slug = "prime-naissance",
            Title = "Prime de naissance",
            LoginRequired = true,
            Steps = [new FormStep { Title = "L'enfant", Fields = [new TextField { Name = "prenom", Label = "Prénom de l'enfant", Required = true }] }],
        });
        using var browser = new TimeLimits.ClocklessBrowser(fixture, $"{name}.localhost");

        // The form sends to the sign-in page, which offers the simulation with the way back.
        var start = await browser.GetAsync("/e-guichet/prime-naissance");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/e-guichet/connexion?retour=%2Fe-guichet%2Fprime-naissance", start.Headers.Location!.OriginalString);
        var signInPage = await browser.GetStringAsync(start.Headers.Location.OriginalString);
        var simulation = $"{Simulation}?retour=%2Fe-guichet%2Fprime-naissance";
        Assert.Contains($"href=\"{simulation}\"", signInPage, StringComparison.Ordinal);

        var signedIn = await browser.PostAsync(simulation, new()
        {
            ["__jeton"] = AdminSession.Token(await browser.GetStringAsync(simulation)),
            ["prenom"] = "Marie",
            ["nom"] = "Dupont",
            ["registre"] = "85.07.30-033.28",
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/e-guichet/prime-naissance", signedIn.Headers.Location!.OriginalString);

        // Back on the form: the step, then the summary, then the submission.
        var form = await browser.GetAsync("/e-guichet/prime-naissance");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("name=\"prenom\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var step = await browser.PostAsync("/e-guichet/prime-naissance/etape/1", new() { ["prenom"] = "Léa" });
        Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        Assert.Equal("/e-guichet/prime-naissance/verification", step.Headers.Location!.OriginalString);
        Assert.Contains("Léa", await browser.GetStringAsync("/e-guichet/prime-naissance/verification"), StringComparison.Ordinal);
        var sent = await browser.PostAsync("/e-guichet/prime-naissance/verification", new() { ["email"] = "parent@exemple.be" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var code = System.Text.RegularExpressions.Regex.Match(sent.Headers.Location!.OriginalString, "code=(EG-[A-Z0-9-]+)").Groups[1].Value;
        Assert.Contains(code, await browser.GetStringAsync(sent.Headers.Location.OriginalString), StringComparison.Ordinal);

        var stored = await RequestTestData.RequestAsync(fixture, name, code);
        Assert.Equal("prime-naissance", stored.FormSlug);
        Assert.Equal("85073003328", stored.CitizenNationalNumber);
        Assert.Equal("Marie Dupont", stored.CitizenName);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string back, string firstName, string lastName, string nationalNumber)
    {
        var action = $"{Simulation}?retour={Uri.EscapeDataString(back)}";
        var token = AdminSession.Token(await client.GetStringAsync(action));
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = token,
            ["prenom"] = firstName,
            ["nom"] = lastName,
            ["registre"] = nationalNumber,
        }));
    }

    /// <summary>The citizen cookie as a browser would send it, copied by hand to another site.</summary>
    private static async Task<string> CitizenCookieAsync(HttpClient client)
    {
        var response = await PostAsync(client, "/", "Marie", "Dupont", "85073003328");
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Municipal.Citizen=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }
}

public sealed class CitizenSignInTestsOnSqlite(SqliteFixture fixture) : CitizenSignInTests<SqliteFixture>(fixture);

public sealed class CitizenSignInTestsOnPostgres(PostgresFixture fixture) : CitizenSignInTests<PostgresFixture>(fixture);
