using System.Net;
using Municipal.Forms.CitizenSignIn;
using Municipal.Forms.Model;
using Municipal.Web.Tests.Forms;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.TimeLimits;

/// <summary>
/// The citizen's session (through the simulated national sign-in) lasts one hour from sign-in, whatever the
/// activity meanwhile (<see cref="CitizenSession.Lifetime"/>, an absolute limit); on the storage's fake clock.
/// SQLite and PostgreSQL.
/// </summary>
public abstract class CitizenSessionTimeLimitTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Slug = "prime-delai";

    [Fact]
    public async Task A_citizen_session_is_valid_at_59_minutes_even_when_used_and_gone_at_61_minutes()
    {
        var name = fixture.NewTenantName("session");
        await fixture.CreateTenantAsync(name);
        await RequestTestData.SaveFormAsync(fixture, name, new FormDefinition
        {
            Slug = Slug,
            Title = "Prime au délai",
            LoginRequired = true,
            Steps = [new FormStep { Title = "L'enfant", Fields = [new TextField { Name = "prenom", Label = "Prénom de l'enfant", Required = true }] }],
        });
        using var browser = new ClocklessBrowser(fixture, $"{name}.localhost");

        var signedIn = fixture.Clock.GetUtcNow();
        var simulation = "/e-guichet/connexion/simulation?retour=%2F";
        var response = await browser.PostAsync(simulation, new()
        {
            ["__jeton"] = AdminSession.Token(await browser.GetStringAsync(simulation)),
            ["prenom"] = "Marie",
            ["nom"] = "Dupont",
            ["registre"] = "85.07.30-033.28",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // At 59 minutes the session holds, and using it (a page of the form) does not push its end back.
        AdvanceTo(signedIn + TimeSpan.FromMinutes(59));
        Assert.Contains("identifié·e comme Marie Dupont", await browser.GetStringAsync("/e-guichet/connexion"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/e-guichet/" + Slug)).StatusCode);
        using (var stranger = new ClocklessBrowser(fixture, $"{name}.localhost"))
        {
            // The page that names the citizen is theirs alone (it once went through the output cache to everyone).
            Assert.DoesNotContain("Marie Dupont", await stranger.GetStringAsync("/e-guichet/connexion"), StringComparison.Ordinal);
        }

        // At 61 minutes the browser still sends the cookie; the server no longer knows the citizen.
        AdvanceTo(signedIn + TimeSpan.FromMinutes(61));
        Assert.True(browser.Has(CitizenSession.CookieName));
        Assert.DoesNotContain("identifié·e comme", await browser.GetStringAsync("/e-guichet/connexion"), StringComparison.Ordinal);
        var form = await browser.GetAsync("/e-guichet/" + Slug);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal($"/e-guichet/connexion?retour=%2Fe-guichet%2F{Slug}", form.Headers.Location?.OriginalString);
    }

    private void AdvanceTo(DateTimeOffset instant) => fixture.Clock.Advance(instant - fixture.Clock.GetUtcNow());
}

public sealed class CitizenSessionTimeLimitTestsOnSqlite(SqliteFixture fixture) : CitizenSessionTimeLimitTests<SqliteFixture>(fixture);

public sealed class CitizenSessionTimeLimitTestsOnPostgres(PostgresFixture fixture) : CitizenSessionTimeLimitTests<PostgresFixture>(fixture);
