using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin;
using Municipal.Web.Cli;
using Municipal.Web.HostAdmin;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.HostAdmin;

/// <summary>The regional operator's administration at /host. Runs once on SQLite and once on PostgreSQL.</summary>
public abstract partial class HostAdminTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string OperatorPassword = "operateur-de-test-2026";
    private const string OperatorHost = "localhost";

    [Fact]
    public async Task Host_without_sign_in_redirects_to_the_sign_in_page()
    {
        var response = await fixture.ClientFor(OperatorHost).GetAsync("/host");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/host/connexion", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
    }

    [Fact]
    public async Task The_sign_in_page_has_the_labels_of_the_back_office_and_is_never_cached()
    {
        var response = await fixture.ClientFor(OperatorHost).GetAsync("/host/connexion");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">Adresse e-mail</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Mot de passe</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Se connecter</button>", html, StringComparison.Ordinal);
        Assert.Contains("/host/assets/admin.css", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ClientFor(OperatorHost).GetAsync("/host/assets/admin.css")).StatusCode);
        // Operators have no "mot de passe oublié": no link to it (it was shown with an empty address).
        Assert.DoesNotContain("href=\"\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mot de passe oublié", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_signs_in_and_sees_the_communes()
    {
        var email = await NewOperatorAsync();
        var tenant = fixture.NewTenantName("listed");
        await fixture.CreateTenantAsync(tenant);
        var client = fixture.ClientFor(OperatorHost);

        var response = await SignInAsync(client, email, OperatorPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/host", response.Headers.Location?.OriginalString);
        var cookie = OperatorCookie(response);
        Assert.Contains("path=/host", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var page = await client.GetAsync("/host");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("<caption id=\"communes-caption\">Communes</caption>", html, StringComparison.Ordinal);
        Assert.Contains($">{tenant}</a></th>", html, StringComparison.Ordinal);
        Assert.Contains("En service", html, StringComparison.Ordinal);
        Assert.Contains($"{tenant}.localhost", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"municipality\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_summary_and_after_three_this_client_waits_a_minute()
    {
        var email = await NewOperatorAsync();
        var client = fixture.ClientFor(OperatorHost);

        var wrong = await SignInAsync(client, email, "not-the-password-1");
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Null(OperatorCookieOrNull(wrong));
        Assert.Contains("Il y a un problème", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">", html, StringComparison.Ordinal);
        Assert.Contains("L'adresse e-mail ou le mot de passe est incorrect", ErrorSummary(html), StringComparison.Ordinal);

        for (var attempt = 2; attempt <= 3; attempt++)
        {
            Assert.Contains("L'adresse e-mail ou le mot de passe est incorrect", ErrorSummary(await (await SignInAsync(client, email, "not-the-password-" + attempt)).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // The fourth try of this client waits, even with the right password; no account is locked (an unknown
        // address waits the same way, and the operator signing in from elsewhere is not held back).
        var start = fixture.Clock.GetUtcNow();
        var right = await SignInAsync(client, email, OperatorPassword);
        Assert.Null(OperatorCookieOrNull(right));
        Assert.Contains("Attendez 1 minute(s) avant de réessayer", ErrorSummary(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/host")).StatusCode);

        fixture.Clock.Advance(start + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1) - fixture.Clock.GetUtcNow());
        var later = await SignInAsync(client, email, OperatorPassword);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.NotNull(OperatorCookieOrNull(later));
    }

    [Fact]
    public async Task A_tenant_administrators_cookie_does_not_open_host_and_an_operators_does_not_open_admin()
    {
        var tenant = fixture.NewTenantName("iso");
        await fixture.CreateTenantAsync(tenant);
        var adminSignIn = await SignInAsync(fixture.ClientFor($"{tenant}.localhost"), $"admin@{tenant}.localhost", StorageFixture.AdminPassword, "/admin/connexion");
        var adminCookie = adminSignIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(TenantAuthentication.CookieName(tenant) + "=", StringComparison.Ordinal)).Split(';')[0];
        var adminValue = adminCookie[(adminCookie.IndexOf('=', StringComparison.Ordinal) + 1)..];

        var email = await NewOperatorAsync();
        var operatorCookie = OperatorCookie(await SignInAsync(fixture.ClientFor(OperatorHost), email, OperatorPassword)).Split(';')[0];
        var operatorValue = operatorCookie[(operatorCookie.IndexOf('=', StringComparison.Ordinal) + 1)..];

        // Each works where it belongs.
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(OperatorHost, "/host", operatorCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync($"{tenant}.localhost", "/admin", adminCookie)).StatusCode);

        // A tenant's cookie, as it is or renamed to the operator's, opens nothing at /host (on any host).
        foreach (var host in new[] { OperatorHost, $"{tenant}.localhost" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync(host, "/host", adminCookie)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync(host, "/host", $"{HostAuthentication.CookieName}={adminValue}")).StatusCode);
        }

        // The operator's cookie, as it is or renamed to the tenant's, opens nothing at the tenant's /admin.
        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync($"{tenant}.localhost", "/admin", operatorCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync($"{tenant}.localhost", "/admin", $"{TenantAuthentication.CookieName(tenant)}={operatorValue}")).StatusCode);
    }

    [Fact]
    public async Task A_commune_created_by_the_form_answers_on_its_host_and_disabled_by_the_form_answers_503()
    {
        var client = await SignedInClientAsync();
        var name = fixture.NewTenantName("form");
        var token = Token(await client.GetStringAsync("/host"));

        var created = await client.PostAsync("/host/communes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = token,
            ["name"] = name,
            ["displayName"] = "Commune de Stoumont",
            ["host"] = $"{name}.localhost",
            ["recipe"] = "municipality",
            ["adminEmail"] = $"admin@{name}.localhost",
        }));
        var html = await created.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Commune créée : Commune de Stoumont", html, StringComparison.Ordinal);
        Assert.Matches("<code class=\"one-time-password\">\\S{20}</code>", html);
        var site = await fixture.ClientFor($"{name}.localhost").GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
        Assert.Contains("Commune de Stoumont", await site.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The password is shown once: the list does not show it again.
        Assert.DoesNotContain("one-time-password\">", await client.GetStringAsync("/host"), StringComparison.Ordinal);

        var disabled = await client.PostAsync($"/host/communes/{name}/desactiver", new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = Token(await client.GetStringAsync("/host")) }));
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await fixture.ClientFor($"{name}.localhost").GetAsync("/")).StatusCode);
        Assert.Contains("Désactivé", await client.GetStringAsync("/host"), StringComparison.Ordinal);

        var enabled = await client.PostAsync($"/host/communes/{name}/activer", new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = Token(await client.GetStringAsync("/host")) }));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ClientFor($"{name}.localhost").GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_refused_creation_shows_the_provisioners_message_in_the_error_summary()
    {
        var client = await SignedInClientAsync();
        var taken = fixture.NewTenantName("taken");
        await fixture.CreateTenantAsync(taken);

        var response = await client.PostAsync("/host/communes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = Token(await client.GetStringAsync("/host")),
            ["name"] = fixture.NewTenantName("other"),
            ["displayName"] = "Autre",
            ["host"] = $"{taken}.localhost",
            ["recipe"] = "municipality",
            ["adminEmail"] = "admin@autre.localhost",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Il y a un problème", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#host\">", html, StringComparison.Ordinal);
        Assert.Contains($"{taken}.localhost", ErrorSummary(html), StringComparison.Ordinal);
        Assert.Contains("<title>Erreur : Communes", html, StringComparison.Ordinal);

        var empty = await client.PostAsync("/host/communes", new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = Token(html) }));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#name\">Saisissez le champ « Nom technique »</a>", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"admin-email-error\"", emptyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_without_antiforgery_token_are_refused_with_400()
    {
        var client = await SignedInClientAsync();
        var name = fixture.NewTenantName("csrf");
        await fixture.CreateTenantAsync(name);

        var create = await client.PostAsync("/host/communes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = fixture.NewTenantName("csrf-new"),
            ["displayName"] = "X",
            ["host"] = "csrf-new.localhost",
            ["recipe"] = "municipality",
            ["adminEmail"] = "a@b.be",
        }));
        var disable = await client.PostAsync($"/host/communes/{name}/desactiver", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var signIn = await fixture.ClientFor(OperatorHost).PostAsync("/host/connexion", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "x@y.be", ["password"] = "z" }));

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ClientFor($"{name}.localhost").GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_tenants_antiforgery_token_is_refused_at_host()
    {
        var client = await SignedInClientAsync();
        var tenant = fixture.NewTenantName("aft");
        await fixture.CreateTenantAsync(tenant);
        var tenantToken = Token(await client.GetStringAsync($"http://{tenant}.localhost/admin/connexion"));

        var response = await client.PostAsync($"/host/communes/{tenant}/desactiver", new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = tenantToken }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_recipe_applied_to_one_commune_appears_in_its_recipe_runs()
    {
        var client = await SignedInClientAsync();
        var name = fixture.NewTenantName("runs");
        await fixture.CreateTenantAsync(name);

        var applied = await client.PostAsync("/host/recettes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = Token(await client.GetStringAsync("/host")),
            ["recipe"] = "municipality",
            ["target"] = name,
        }));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains($"{name} : appliquée", await applied.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await client.GetStringAsync($"/host/communes/{name}");
        Assert.Contains("<caption id=\"runs-caption\">Dernières recettes appliquées</caption>", page, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(page, "<td>municipality</td>"));
        Assert.Contains("<td>Réussie</td>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/host/communes/nobody-here")).StatusCode);
    }

    [Fact]
    public async Task Applying_a_recipe_to_all_communes_lists_each()
    {
        var client = await SignedInClientAsync();
        var name = fixture.NewTenantName("all");
        await fixture.CreateTenantAsync(name);

        var applied = await client.PostAsync("/host/recettes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = Token(await client.GetStringAsync("/host")),
            ["recipe"] = "municipality",
            ["target"] = "*",
        }));

        Assert.Contains($"{name} : appliquée", await applied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_removes_the_session()
    {
        var client = fixture.ClientFor(OperatorHost);
        var signedIn = await SignInAsync(client, await NewOperatorAsync(), OperatorPassword);
        var copied = OperatorCookie(signedIn).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(OperatorHost, "/host", copied)).StatusCode);

        var response = await client.PostAsync("/host/deconnexion", new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = Token(await client.GetStringAsync("/host")) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/host")).StatusCode);
        // A copy of the cookie taken before signing out is refused too.
        var replayed = await GetWithCookieAsync(OperatorHost, "/host", copied);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/host/connexion", replayed.Headers.Location!.OriginalString.Replace("http://" + OperatorHost, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operators_create_verb_prints_a_one_time_password_and_refuses_duplicates()
    {
        var email = $"cli-{Guid.NewGuid():N}@region.be";

        var (code, output, error) = await RunOperatorsAsync("create", email);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Matches("Mot de passe à usage unique : \\S{20}", output);

        Assert.Equal(1, (await RunOperatorsAsync("create", email.ToUpperInvariant())).Code);
        Assert.Equal(1, (await RunOperatorsAsync("create", $"weak-{Guid.NewGuid():N}@region.be", "--password", "court")).Code);
        Assert.Equal(2, (await RunOperatorsAsync("create")).Code);
        Assert.Equal(2, (await RunOperatorsAsync("remove", email)).Code);

        var given = $"pw-{Guid.NewGuid():N}@region.be";
        var withPassword = await RunOperatorsAsync("create", given, "--password", OperatorPassword);
        Assert.Equal(0, withPassword.Code);
        Assert.DoesNotContain("usage unique", withPassword.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(fixture.ClientFor(OperatorHost), given, OperatorPassword)).StatusCode);
    }

    private async Task<(int Code, string Output, string Error)> RunOperatorsAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorsCommand.RunAsync(fixture.App.Services, ["operators", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<string> NewOperatorAsync()
    {
        var email = $"op-{Guid.NewGuid():N}@region.be";
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreateAsync(email, OperatorPassword);
        return email;
    }

    private async Task<HttpClient> SignedInClientAsync()
    {
        var client = fixture.ClientFor(OperatorHost);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, await NewOperatorAsync(), OperatorPassword)).StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string path = "/host/connexion")
    {
        var form = await client.GetStringAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = Token(form),
            ["email"] = email,
            ["password"] = password,
        }));
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string host, string path, string cookie)
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"http://{host}/") });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("Pas de jeton antiforgery dans la page.");

    private static string ErrorSummary(string html) => WebUtility.HtmlDecode(SummaryPattern().Match(html).Value);

    private static string OperatorCookie(HttpResponseMessage response) =>
        OperatorCookieOrNull(response) ?? throw new Xunit.Sdk.XunitException("Pas de cookie d'opérateur.");

    private static string? OperatorCookieOrNull(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(HostAuthentication.CookieName + "=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            : null;

    [GeneratedRegex("name=\"__jeton\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<ul class=\"error-summary-list\">.*?</ul>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();
}

public sealed class HostAdminTestsOnSqlite(SqliteFixture fixture) : HostAdminTests<SqliteFixture>(fixture);

public sealed class HostAdminTestsOnPostgres(PostgresFixture fixture) : HostAdminTests<PostgresFixture>(fixture);
