using System.Net;
using System.Text.RegularExpressions;
using Municipal.Forms.PublicFlow;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.UserTestPages;
using static Municipal.Web.Tests.Forms.PublicFormTestForms;

namespace Municipal.Web.Tests.TimeLimits;

/// <summary>
/// The link mailed to resume an e-counter draft lasts 30 days from the last save (<see cref="FormDrafts.Lifetime"/>),
/// on the storage's fake clock. SQLite and PostgreSQL.
/// </summary>
public abstract partial class DraftResumeTimeLimitTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Step2 = "/e-guichet/" + Slug + "/etape/2";

    [Fact]
    public async Task The_resume_link_works_at_29_days_23_hours_and_is_refused_in_french_after_30_days()
    {
        var name = fixture.NewTenantName("reprise");
        await fixture.CreateTenantAsync(name);
        await SaveAsync(fixture, name);
        var host = $"{name}.localhost";

        // Two drafts saved at the same instant: one to resume just before the end, the other just after it.
        var saved = fixture.Clock.GetUtcNow();
        var early = await SavedDraftLinkAsync(host, name, $"tot@{name}.be");
        var late = await SavedDraftLinkAsync(host, name, $"tard@{name}.be");

        AdvanceTo(saved + TimeSpan.FromDays(30) - TimeSpan.FromHours(1));
        using (var browser = new ClocklessBrowser(fixture, host))
        {
            var resumed = await browser.GetAsync(early);
            Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
            Assert.Equal(Step2, resumed.Headers.Location?.OriginalString);
            Assert.Contains("value=\"Marie Dupont\"", await browser.GetStringAsync(Step2), StringComparison.Ordinal);
        }

        AdvanceTo(saved + TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        using (var browser = new ClocklessBrowser(fixture, host))
        {
            var refused = await browser.GetAsync(late);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            var page = Text(await refused.Content.ReadAsStringAsync());
            Assert.Contains("Ce lien n'est plus valable", page, StringComparison.Ordinal);
            Assert.Contains("Le formulaire enregistré a expiré", page, StringComparison.Ordinal);
            Assert.Contains($"href=\"/e-guichet/{Slug}\"", page, StringComparison.Ordinal);
            Assert.False(browser.Has(FormDrafts.CookieName(Slug)));
        }
    }

    /// <summary>Answers the first step, saves the second for later, asks for the link by mail; answers the link's path and query.</summary>
    private async Task<string> SavedDraftLinkAsync(string host, string tenant, string email)
    {
        using var browser = new ClocklessBrowser(fixture, host);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/e-guichet/" + Slug + "/etape/1", FirstStep())).StatusCode);
        var second = new HttpRequestMessage(HttpMethod.Post, Step2) { Content = SecondStep(withFile: false, action: "save") };
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(second)).StatusCode);
        var sent = await browser.PostAsync("/e-guichet/" + Slug + "/enregistrer", new() { ["email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = Assert.Single(await MailsToAsync(fixture, tenant, email));
        return new Uri(ResumeLink().Match(mail.TextBody ?? string.Empty).Value).PathAndQuery;
    }

    private void AdvanceTo(DateTimeOffset instant) => fixture.Clock.Advance(instant - fixture.Clock.GetUtcNow());

    [GeneratedRegex(@"https?://\S+/reprendre\?jeton=\S+")]
    private static partial Regex ResumeLink();
}

public sealed class DraftResumeTimeLimitTestsOnSqlite(SqliteFixture fixture) : DraftResumeTimeLimitTests<SqliteFixture>(fixture);

public sealed class DraftResumeTimeLimitTestsOnPostgres(PostgresFixture fixture) : DraftResumeTimeLimitTests<PostgresFixture>(fixture);
