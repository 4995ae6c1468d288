using System.Net;
using Municipal.Forms.PublicFlow;
using Municipal.Web.Tests.Forms;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.TimeLimits;

/// <summary>
/// The follow-up page's access (after the tracking code and e-mail were given) lasts 20 minutes after the last page
/// shown, and each page shown renews it (<see cref="FollowUpAccess.Lifetime"/>); on the storage's fake clock.
/// SQLite and PostgreSQL.
/// </summary>
public abstract class FollowUpTimeLimitTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Page = "/e-guichet/suivi";
    private const string Shown = "data-status>";

    [Fact]
    public async Task The_access_holds_just_before_20_minutes_each_page_renews_it_and_it_ends_just_after()
    {
        var name = await ApiTestForms.TenantWithFormAsync(fixture, "suivi-delai");
        var code = await SubmittedAsync(name);
        using var browser = new ClocklessBrowser(fixture, $"{name}.localhost");

        var granted = fixture.Clock.GetUtcNow();
        var lookup = await browser.PostAsync(Page, new() { ["code"] = code, ["email"] = "marie@exemple.be", ["__jeton"] = AdminSession.Token(await browser.GetStringAsync(Page)) });
        Assert.Equal(HttpStatusCode.Redirect, lookup.StatusCode);
        Assert.True(browser.Has(FollowUpAccess.CookieName));

        // 19 min 59 s after the lookup: still open, and this page renews the access from now.
        AdvanceTo(granted + TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(1));
        var renewed = fixture.Clock.GetUtcNow();
        Assert.Contains(Shown, await browser.GetStringAsync(Page), StringComparison.Ordinal);

        // 39 min 58 s after the lookup, 19 min 59 s after the renewal: open only because of the renewal.
        AdvanceTo(renewed + TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(1));
        var last = fixture.Clock.GetUtcNow();
        Assert.Contains($"<dd data-tracking-code>{code}</dd>", await browser.GetStringAsync(Page), StringComparison.Ordinal);

        // 20 min 1 s after the last page shown: the cookie is still sent, the server no longer honours it.
        AdvanceTo(last + TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(1));
        var expired = await browser.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        var html = await expired.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Shown, html, StringComparison.Ordinal);
        Assert.Contains("name=\"code\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"email\"", html, StringComparison.Ordinal);

        // An answer posted on the expired access is not taken: the citizen is sent back to the lookup.
        var reply = await browser.PostAsync(Page + "/reponse", new() { ["reply"] = "Trop tard ?", ["__jeton"] = AdminSession.Token(html) });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Equal(Page, reply.Headers.Location?.OriginalString);
    }

    private async Task<string> SubmittedAsync(string name)
    {
        var created = await ApiTestForms.PostAsync(fixture.ClientFor($"{name}.localhost"), "tout", ApiTestForms.Body().ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("trackingCode").GetString()!;
    }

    private void AdvanceTo(DateTimeOffset instant) => fixture.Clock.Advance(instant - fixture.Clock.GetUtcNow());
}

public sealed class FollowUpTimeLimitTestsOnSqlite(SqliteFixture fixture) : FollowUpTimeLimitTests<SqliteFixture>(fixture);

public sealed class FollowUpTimeLimitTestsOnPostgres(PostgresFixture fixture) : FollowUpTimeLimitTests<PostgresFixture>(fixture);
