using System.Net;
using Municipal.Admin;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.TimeLimits;

/// <summary>
/// A back-office session ends 12 hours after its sign-in (Municipal:SignIn:AbsoluteLifetime) even when used all
/// along, so that its sliding cookie cannot be kept alive for ever; on the storage's fake clock. SQLite and PostgreSQL.
/// </summary>
public abstract class SessionTimeLimitTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_session_used_all_along_ends_12_hours_after_its_sign_in()
    {
        var name = fixture.NewTenantName("duree");
        await fixture.CreateTenantAsync(name);
        using var browser = new ClocklessBrowser(fixture, $"{name}.localhost");
        var signedIn = fixture.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync($"admin@{name}.localhost", StorageFixture.AdminPassword)).StatusCode);

        // A request every three hours at most: well within the 8 hours the cookie slides by.
        foreach (var elapsed in new[] { TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(9), TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1) })
        {
            AdvanceTo(signedIn + elapsed);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
        }

        Assert.True(browser.Has(TenantAuthentication.CookieName(name)));
        AdvanceTo(signedIn + TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        var refused = await browser.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/admin/connexion", refused.Headers.Location!.OriginalString.Replace("http://" + name + ".localhost", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        // Signing in again opens a new session.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync($"admin@{name}.localhost", StorageFixture.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
    }

    private void AdvanceTo(DateTimeOffset instant) => fixture.Clock.Advance(instant - fixture.Clock.GetUtcNow());
}

public sealed class SessionTimeLimitTestsOnSqlite(SqliteFixture fixture) : SessionTimeLimitTests<SqliteFixture>(fixture);

public sealed class SessionTimeLimitTestsOnPostgres(PostgresFixture fixture) : SessionTimeLimitTests<PostgresFixture>(fixture);
