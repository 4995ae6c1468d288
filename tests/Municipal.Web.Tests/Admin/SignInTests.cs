using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>Sign-in to a tenant's back office. Runs once on SQLite and once on PostgreSQL.</summary>
public abstract partial class SignInTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task The_sign_in_page_is_french_labelled_and_never_cached()
    {
        var name = await NewTenantAsync("form");
        var response = await fixture.ClientFor($"{name}.localhost").GetAsync("/admin/connexion");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">Adresse e-mail</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Mot de passe</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Se connecter</button>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Il y a un problème", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_credentials_redirect_to_the_dashboard_which_shows_the_email()
    {
        var name = await NewTenantAsync("ok");
        var client = fixture.ClientFor($"{name}.localhost");

        var response = await SignInAsync(client, $"admin@{name}.localhost", StorageFixture.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var cookie = AuthCookie(response, name);
        Assert.Contains("path=/;", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var dashboard = await client.GetAsync("/admin");
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("no-store", dashboard.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("Tableau de bord", html, StringComparison.Ordinal);
        Assert.Contains($"admin@{name}.localhost", html, StringComparison.Ordinal);
        Assert.Contains("Se déconnecter", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_without_sign_in_redirects_to_the_sign_in_page_with_a_return_address()
    {
        var name = await NewTenantAsync("anon");

        var response = await fixture.ClientFor($"{name}.localhost").GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/admin/connexion", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        Assert.Contains("retour=%2Fadmin", location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_summary_and_sets_no_cookie()
    {
        var name = await NewTenantAsync("bad");
        var client = fixture.ClientFor($"{name}.localhost");

        var response = await SignInAsync(client, $"admin@{name}.localhost", "not-the-password-at-all");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(AuthCookieOrNull(response, name));
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("Il y a un problème", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Erreur : Connexion", html, StringComparison.Ordinal);

        // An unknown address gets the very same message: nothing tells which addresses exist.
        var unknown = await (await SignInAsync(client, $"nobody@{name}.localhost", "not-the-password-at-all")).Content.ReadAsStringAsync();
        Assert.Equal(InvalidMessage, ErrorMessage(html));
        Assert.Equal(InvalidMessage, ErrorMessage(unknown));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Empty_fields_each_get_their_own_error_tied_to_the_field()
    {
        var name = await NewTenantAsync("empty");
        var html = await (await SignInAsync(fixture.ClientFor($"{name}.localhost"), "", "")).Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"#email\">Saisissez votre adresse e-mail</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">Saisissez votre mot de passe</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"email-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_three_wrong_passwords_this_client_waits_and_is_told_so_the_same_way_for_an_unknown_address()
    {
        var name = await NewTenantAsync("lock");
        var client = fixture.ClientFor($"{name}.localhost");
        var email = $"admin@{name}.localhost";
        var unknownEmail = $"personne@{name}.localhost";

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(InvalidMessage, ErrorMessage(await (await SignInAsync(client, email, "wrong-password-" + attempt)).Content.ReadAsStringAsync()));
            Assert.Equal(InvalidMessage, ErrorMessage(await (await SignInAsync(client, unknownEmail, "wrong-password-" + attempt)).Content.ReadAsStringAsync()));
        }

        // The fourth try waits, even with the right password; an unknown address is told exactly the same.
        var right = await SignInAsync(client, email, StorageFixture.AdminPassword);
        var rightHtml = await right.Content.ReadAsStringAsync();
        var unknown = await (await SignInAsync(client, unknownEmail, "wrong-password-4")).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Null(AuthCookieOrNull(right, name));
        Assert.Equal(WaitMessage(1), ErrorMessage(rightHtml));
        Assert.Equal(ErrorMessage(rightHtml), ErrorMessage(unknown));
        Assert.DoesNotContain("verrouillé", rightHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_of_tenant_a_is_worth_nothing_on_tenant_b()
    {
        var a = await NewTenantAsync("cka");
        var b = await NewTenantAsync("ckb");
        var signedIn = await SignInAsync(fixture.ClientFor($"{a}.localhost"), $"admin@{a}.localhost", StorageFixture.AdminPassword);
        var cookie = AuthCookie(signedIn, a).Split(';')[0];
        var value = cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..];

        // The cookie as it is works on A, and not on B.
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync($"{a}.localhost", cookie)).StatusCode);
        var onB = await GetWithCookieAsync($"{b}.localhost", cookie);
        Assert.Equal(HttpStatusCode.Redirect, onB.StatusCode);
        Assert.Contains("/admin/connexion", onB.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Renamed to B's cookie, A's ticket still cannot be read on B (its protection names tenant A).
        var renamed = await GetWithCookieAsync($"{b}.localhost", $"{TenantAuthentication.CookieName(b)}={value}");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("/admin/connexion", renamed.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_without_antiforgery_token_is_refused_with_400()
    {
        var name = await NewTenantAsync("csrf");
        var client = fixture.ClientFor($"{name}.localhost");

        var response = await client.PostAsync("/admin/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = $"admin@{name}.localhost",
            ["password"] = StorageFixture.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(AuthCookieOrNull(response, name));
    }

    [Fact]
    public async Task An_antiforgery_token_of_tenant_a_is_refused_by_tenant_b()
    {
        var a = await NewTenantAsync("afa");
        var b = await NewTenantAsync("afb");
        var formOnA = await fixture.ClientFor($"{a}.localhost").GetAsync("/admin/connexion");
        var token = Token(await formOnA.Content.ReadAsStringAsync());
        var antiforgeryCookie = formOnA.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".Municipal.Antiforgery", StringComparison.Ordinal)).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__jeton"] = token,
                ["email"] = $"admin@{b}.localhost",
                ["password"] = StorageFixture.AdminPassword,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        var response = await RawClient($"{b}.localhost").SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/admin")]
    [InlineData("/\\evil.example")]
    public async Task A_return_address_outside_the_site_is_ignored(string retour)
    {
        var name = await NewTenantAsync("open");
        var response = await SignInAsync(fixture.ClientFor($"{name}.localhost"), $"admin@{name}.localhost", StorageFixture.AdminPassword, "?retour=" + Uri.EscapeDataString(retour));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_local_return_address_is_followed()
    {
        var name = await NewTenantAsync("back");
        var response = await SignInAsync(fixture.ClientFor($"{name}.localhost"), $"admin@{name}.localhost", StorageFixture.AdminPassword, "?retour=%2Fadmin%3Fx%3D1");

        Assert.Equal("/admin?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_removes_the_session()
    {
        var name = await NewTenantAsync("out");
        var client = fixture.ClientFor($"{name}.localhost");
        var signedIn = await SignInAsync(client, $"admin@{name}.localhost", StorageFixture.AdminPassword);
        var copied = AuthCookie(signedIn, name).Split(';')[0];
        var token = Token(await client.GetStringAsync("/admin"));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync($"{name}.localhost", copied)).StatusCode);

        var response = await client.PostAsync("/admin/deconnexion", new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertSentToSignIn(await client.GetAsync("/admin"));

        // A copy of the cookie taken before signing out (another tab, a stolen cookie) is refused too: the session
        // ends on the server, not only in this browser.
        AssertSentToSignIn(await GetWithCookieAsync($"{name}.localhost", copied));
    }

    [Fact]
    public async Task A_prefix_tenant_gets_a_cookie_limited_to_its_prefix()
    {
        var name = fixture.NewTenantName("pfx");
        await fixture.CreateTenantAsync(name, prefix: name, withHost: false);
        var client = fixture.ClientFor("shared.localhost");

        var response = await SignInAsync(client, $"admin@{name}.localhost", StorageFixture.AdminPassword, path: $"/{name}/admin/connexion");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{name}/admin", response.Headers.Location?.OriginalString);
        Assert.Contains($"path=/{name};", AuthCookie(response, name), StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"admin@{name}.localhost", await client.GetStringAsync($"/{name}/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_per_minute_get_429_in_french()
    {
        await using var app = fixture.StartApp(new Dictionary<string, string?> { ["Municipal:SignIn:PermitPerMinute"] = "3" });
        var name = fixture.NewTenantName("rate");
        await app.Services.GetRequiredService<Core.Tenancy.TenantProvisioner>().CreateAsync(
            new Core.Tenancy.CreateTenantRequest(name, "Rate", [$"{name}.localhost"], null, "municipality", $"admin@{name}.localhost", StorageFixture.AdminPassword), false, CancellationToken.None);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{name}.localhost/") });

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, $"x{attempt}@example.be", "wrong-password")).StatusCode);
        }

        var refused = await SignInAsync(client, $"admin@{name}.localhost", StorageFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Trop de tentatives", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The form itself (GET) is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/connexion")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_survives_a_restart()
    {
        var name = await NewTenantAsync("keys");
        var signedIn = await SignInAsync(fixture.ClientFor($"{name}.localhost"), $"admin@{name}.localhost", StorageFixture.AdminPassword);
        var cookie = AuthCookie(signedIn, name).Split(';')[0];

        await using var second = fixture.StartApp();
        var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"http://{name}.localhost/") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        Assert.True(Directory.EnumerateFiles(Path.Combine(fixture.DataPath, "keys"), "*.xml").Any());
    }

    private async Task<string> NewTenantAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name);
        return name;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string query = "", string path = "/admin/connexion")
    {
        var form = await client.GetStringAsync(path + query);
        return await client.PostAsync(path + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = Token(form),
            ["email"] = email,
            ["password"] = password,
        }));
    }

    private HttpClient RawClient(string host) =>
        fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"http://{host}/") });

    private async Task<HttpResponseMessage> GetWithCookieAsync(string host, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return await RawClient(host).SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException("Redirection sans adresse.");
        Assert.Equal("/admin/connexion", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("Pas de jeton antiforgery dans la page.");

    private const string InvalidMessage = "L'adresse e-mail ou le mot de passe est incorrect";

    private static string WaitMessage(int minutes) =>
        $"Trop de tentatives de connexion à ce compte depuis votre connexion internet. Attendez {minutes} minute(s) avant de réessayer.";

    /// <summary>The text of the field's error message; a page without one fails the test (two misses are not equal messages).</summary>
    private static string ErrorMessage(string html) => ErrorPattern().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim()
        : throw new Xunit.Sdk.XunitException("Pas de message d'erreur de champ dans la page.");

    private static string AuthCookie(HttpResponseMessage response, string tenant) =>
        AuthCookieOrNull(response, tenant) ?? throw new Xunit.Sdk.XunitException("Pas de cookie de connexion.");

    private static string? AuthCookieOrNull(HttpResponseMessage response, string tenant) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(TenantAuthentication.CookieName(tenant) + "=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            : null;

    [GeneratedRegex("name=\"__jeton\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<p id=\"(?:email|password)-error\" class=\"error-message\"><span class=\"visually-hidden\">Erreur :</span>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();
}

public sealed class SignInTestsOnSqlite(SqliteFixture fixture) : SignInTests<SqliteFixture>(fixture);

public sealed class SignInTestsOnPostgres(PostgresFixture fixture) : SignInTests<PostgresFixture>(fixture);
