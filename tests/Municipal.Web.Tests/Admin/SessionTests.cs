using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Municipal.Admin;
using Municipal.Web.Tests.Infrastructure;
using Municipal.Web.Tests.TimeLimits;

namespace Municipal.Web.Tests.Admin;

/// <summary>
/// The back office's sessions as a user sees and ends them on /admin/compte: each browser signed in is listed, and
/// closing one, or all, makes even a copy of its cookie worthless. SQLite and PostgreSQL.
/// </summary>
public abstract partial class SessionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    [Fact]
    public async Task Two_browsers_signed_in_as_the_same_user_both_show_on_the_account_page()
    {
        var name = await NewTenantAsync("liste");
        using var firefox = await SignInAsync(name, Firefox);
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        using var chrome = await SignInAsync(name, Chrome);

        var rows = Rows(await firefox.GetStringAsync("/admin/compte"));

        Assert.Equal(2, rows.Count);
        var current = Assert.Single(rows, r => r.Contains("(cette session)", StringComparison.Ordinal));
        Assert.Contains("Firefox, Windows", current, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains("Chrome, Linux", StringComparison.Ordinal) && !r.Contains("(cette session)", StringComparison.Ordinal));
        Assert.Contains("Fermer cette session", current, StringComparison.Ordinal);
        Assert.Contains("Se déconnecter partout", await firefox.GetStringAsync("/admin/compte"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_everywhere_from_one_browser_makes_every_copied_cookie_go_back_to_sign_in()
    {
        var name = await NewTenantAsync("partout");
        using var firefox = await SignInAsync(name, Firefox);
        using var chrome = await SignInAsync(name, Chrome);
        var chromeCopy = chrome.Copy(TenantAuthentication.CookieName(name));
        var firefoxCopy = firefox.Copy(TenantAuthentication.CookieName(name));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(name, chromeCopy)).StatusCode);

        var done = await firefox.PostAsync("/admin/compte/sessions/fermer-tout", new() { ["__jeton"] = AdminSession.Token(await firefox.GetStringAsync("/admin/compte")) });

        AssertSentToSignIn(done);
        AssertSentToSignIn(await GetWithCookieAsync(name, chromeCopy));
        AssertSentToSignIn(await GetWithCookieAsync(name, firefoxCopy));
        AssertSentToSignIn(await chrome.GetAsync("/admin"));
    }

    [Fact]
    public async Task Closing_one_session_ends_only_that_one()
    {
        var name = await NewTenantAsync("une");
        using var firefox = await SignInAsync(name, Firefox);
        using var chrome = await SignInAsync(name, Chrome);
        var chromeCopy = chrome.Copy(TenantAuthentication.CookieName(name));
        var page = await firefox.GetStringAsync("/admin/compte");
        var other = Assert.Single(Rows(page), r => !r.Contains("(cette session)", StringComparison.Ordinal));

        var done = await firefox.PostAsync("/admin/compte/sessions/fermer", new() { ["__jeton"] = AdminSession.Token(page), ["session"] = Handle(other) });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("La session a été fermée.", WebUtility.HtmlDecode(await firefox.GetStringAsync(done.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        AssertSentToSignIn(await GetWithCookieAsync(name, chromeCopy));
        Assert.Equal(HttpStatusCode.OK, (await firefox.GetAsync("/admin")).StatusCode);
        Assert.Single(Rows(await firefox.GetStringAsync("/admin/compte")));
    }

    [Fact]
    public async Task Signing_out_ends_this_session_and_leaves_the_other_browsers_signed_in()
    {
        var name = await NewTenantAsync("sortie");
        using var firefox = await SignInAsync(name, Firefox);
        using var chrome = await SignInAsync(name, Chrome);
        var firefoxCopy = firefox.Copy(TenantAuthentication.CookieName(name));

        await firefox.PostAsync("/admin/deconnexion", new() { ["__jeton"] = AdminSession.Token(await firefox.GetStringAsync("/admin")) });

        AssertSentToSignIn(await GetWithCookieAsync(name, firefoxCopy));
        Assert.Single(Rows(await chrome.GetStringAsync("/admin/compte")));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_this_one()
    {
        var name = await NewTenantAsync("mdp");
        using var firefox = await SignInAsync(name, Firefox);
        using var chrome = await SignInAsync(name, Chrome);

        var changed = await firefox.PostAsync("/admin/compte/mot-de-passe", new()
        {
            ["__jeton"] = AdminSession.Token(await firefox.GetStringAsync("/admin/compte")),
            ["current"] = StorageFixture.AdminPassword,
            ["password"] = "un-tout-nouveau-mot-de-passe",
            ["confirmation"] = "un-tout-nouveau-mot-de-passe",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        AssertSentToSignIn(await chrome.GetAsync("/admin"));
        var rows = Rows(await firefox.GetStringAsync("/admin/compte"));
        Assert.Contains("(cette session)", Assert.Single(rows), StringComparison.Ordinal);
    }

    private async Task<string> NewTenantAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name);
        return name;
    }

    private async Task<ClocklessBrowser> SignInAsync(string name, string userAgent)
    {
        var browser = new ClocklessBrowser(fixture, $"{name}.localhost");
        browser.Client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync($"admin@{name}.localhost", StorageFixture.AdminPassword)).StatusCode);
        return browser;
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string name, string cookie)
    {
        using var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"http://{name}.localhost/") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException("Redirection sans adresse.");
        Assert.Equal("/admin/connexion", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
    }

    private static List<string> Rows(string html) =>
        RowPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private static string Handle(string row) => HandlePattern().Match(row) is { Success: true } match
        ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("Pas de bouton pour fermer cette session.");

    [GeneratedRegex("<tr data-session>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("name=\"session\" value=\"([^\"]+)\"")]
    private static partial Regex HandlePattern();
}

public sealed class SessionTestsOnSqlite(SqliteFixture fixture) : SessionTests<SqliteFixture>(fixture);

public sealed class SessionTestsOnPostgres(PostgresFixture fixture) : SessionTests<PostgresFixture>(fixture);
