using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Municipal.Core.Background;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>"Mot de passe oublié" of the back office, the mail in the pickup folder, and the new password. SQLite and PostgreSQL.</summary>
public abstract partial class PasswordResetTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string NewPassword = "un-tout-nouveau-secret-77";

    [Fact]
    public async Task The_forms_are_french_labelled_never_cached_and_linked_from_the_sign_in_page()
    {
        var name = await NewTenantAsync("forms");
        var client = fixture.ClientFor($"{name}.localhost");

        Assert.Contains("href=\"/admin/mot-de-passe-oublie\">Mot de passe oublié ?</a>", await client.GetStringAsync("/admin/connexion"), StringComparison.Ordinal);
        var request = await client.GetAsync("/admin/mot-de-passe-oublie");
        var html = await request.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.Contains("no-store", request.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">Adresse e-mail</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Recevoir un lien</button>", html, StringComparison.Ordinal);

        var reset = await client.GetAsync("/admin/nouveau-mot-de-passe?email=x%40y.be&jeton=abc");
        html = await reset.Content.ReadAsStringAsync();
        Assert.Contains("no-store", reset.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Nouveau mot de passe</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"confirmation\">Confirmer le mot de passe</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Enregistrer</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_mails_one_link_that_sets_a_new_password_and_retires_the_old_one()
    {
        var name = await NewTenantAsync("reset");
        var client = fixture.ClientFor($"{name}.localhost");
        var email = $"admin@{name}.localhost";

        var confirmation = await RequestResetAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("Si un compte correspond à cette adresse", await confirmation.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var message = await SingleMailAsync(name);
        Assert.Equal("Réinitialisation de votre mot de passe", message.Subject);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Equal($"Commune de {name}", message.From.Mailboxes.Single().Name);
        Assert.Equal("no-reply@localhost", message.From.Mailboxes.Single().Address);
        var link = new Uri(Link(message.TextBody));
        Assert.Equal($"http://{name}.localhost/admin/nouveau-mot-de-passe", link.GetLeftPart(UriPartial.Path));

        var done = await SetPasswordAsync(client, link.PathAndQuery, NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/admin/connexion?reinitialise=1", done.Headers.Location?.OriginalString);
        Assert.Contains("Votre mot de passe a été modifié", await client.GetStringAsync("/admin/connexion?reinitialise=1"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(fixture.ClientFor($"{name}.localhost"), email, StorageFixture.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(fixture.ClientFor($"{name}.localhost"), email, NewPassword)).StatusCode);

        // The link served once: the security stamp changed, so the token is spent.
        var again = await SetPasswordAsync(client, link.PathAndQuery, "encore-un-autre-secret-88", "encore-un-autre-secret-88");
        Assert.Contains("Ce lien de réinitialisation n'est pas valide", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_confirmation_and_no_mail()
    {
        var name = await NewTenantAsync("unknown");
        var client = fixture.ClientFor($"{name}.localhost");

        var known = MainOf(await (await RequestResetAsync(client, $"admin@{name}.localhost")).Content.ReadAsStringAsync());
        var unknown = MainOf(await (await RequestResetAsync(client, $"personne@{name}.localhost")).Content.ReadAsStringAsync());

        Assert.Equal(known, unknown);
        await RunJobsAsync();
        Assert.Single(Mails(name)); // the known address's only
    }

    [Fact]
    public async Task A_request_does_the_same_work_for_an_address_with_or_without_an_account()
    {
        var name = await NewTenantAsync("same");
        var client = fixture.ClientFor($"{name}.localhost");

        await RequestResetAsync(client, $"admin@{name}.localhost");
        await RequestResetAsync(client, $"personne@{name}.localhost");

        // Each request queued one look-up and nothing else: no mail is prepared while the visitor waits, so the
        // answer takes as long either way.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var pending = await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name);
            Assert.Equal(2, pending.Count);
            Assert.All(pending, job => Assert.Equal(Municipal.Admin.PasswordResetMail.JobKind, job.Kind));
        }

        await RunJobsAsync();
        Assert.Equal($"admin@{name}.localhost", (await SingleMailAsync(name)).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_disabled_account_gets_no_link_and_a_reset_does_not_enable_it()
    {
        var name = await NewTenantAsync("disabled");
        var author = await AdminSession.SignInAsync(fixture, name, Core.Security.TenantRoles.Author);
        var admin = await AdminSession.SignInAsync(fixture, name, Core.Security.TenantRoles.Administrator);
        var id = UserTestPages.UserId(await admin.Client.GetStringAsync("/admin/utilisateurs"), author.Email);
        var page = await admin.Client.GetStringAsync($"/admin/utilisateurs/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync($"/admin/utilisateurs/{id}/desactiver", UserTestPages.Form(page, []))).StatusCode);

        var client = fixture.ClientFor($"{name}.localhost");
        Assert.Equal(HttpStatusCode.OK, (await RequestResetAsync(client, author.Email)).StatusCode);
        await RunJobsAsync();
        Assert.Empty(Mails(name));

        // A token obtained anyway (made here as the engine would) sets no password and does not lift the disabling.
        string token;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
            token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(author.Email))!);
        }

        var reset = await SetPasswordAsync(client, $"/admin/nouveau-mot-de-passe?email={Uri.EscapeDataString(author.Email)}&jeton={Uri.EscapeDataString(token)}", NewPassword, NewPassword);
        Assert.Contains("Ce lien de réinitialisation n'est pas valide", WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var refused = await UserTestPages.PasswordStepAsync(fixture.ClientFor($"{name}.localhost"), author.Email, AdminSession.Password);
        Assert.Contains("Ce compte est désactivé", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_of_tenant_a_does_not_work_on_tenant_b()
    {
        var a = await NewTenantAsync("lka");
        var b = await NewTenantAsync("lkb");
        await RequestResetAsync(fixture.ClientFor($"{a}.localhost"), $"admin@{a}.localhost");
        var link = new Uri(Link((await SingleMailAsync(a)).TextBody));

        // Same path and token on B, with A's address and with B's own administrator's address.
        var clientB = fixture.ClientFor($"{b}.localhost");
        foreach (var email in new[] { $"admin@{a}.localhost", $"admin@{b}.localhost" })
        {
            var query = Regex.Replace(link.PathAndQuery, "email=[^&]+", "email=" + Uri.EscapeDataString(email));
            var response = await SetPasswordAsync(clientB, query, NewPassword, NewPassword);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Ce lien de réinitialisation n'est pas valide", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(fixture.ClientFor($"{b}.localhost"), $"admin@{b}.localhost", StorageFixture.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task A_bad_token_or_a_weak_password_shows_the_error_summary()
    {
        var name = await NewTenantAsync("bad");
        var client = fixture.ClientFor($"{name}.localhost");
        var email = Uri.EscapeDataString($"admin@{name}.localhost");

        var badToken = await (await SetPasswordAsync(client, $"/admin/nouveau-mot-de-passe?email={email}&jeton=pas-un-jeton", NewPassword, NewPassword)).Content.ReadAsStringAsync();
        Assert.Contains("Il y a un problème", badToken, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/mot-de-passe-oublie\">", badToken, StringComparison.Ordinal);

        await RequestResetAsync(client, $"admin@{name}.localhost");
        var link = new Uri(Link((await SingleMailAsync(name)).TextBody));
        var weak = await (await SetPasswordAsync(client, link.PathAndQuery, "court", "court")).Content.ReadAsStringAsync();
        Assert.Contains("<title>Erreur : Nouveau mot de passe", weak, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">", weak, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", weak, StringComparison.Ordinal);

        var mismatch = await (await SetPasswordAsync(client, link.PathAndQuery, NewPassword, NewPassword + "x")).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#confirmation\">", mismatch, StringComparison.Ordinal);

        // Still the old password.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(fixture.ClientFor($"{name}.localhost"), $"admin@{name}.localhost", StorageFixture.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task A_prefix_tenant_mails_a_link_under_its_prefix_that_works()
    {
        var name = fixture.NewTenantName("pfx");
        await fixture.CreateTenantAsync(name, prefix: name, withHost: false);
        var client = fixture.ClientFor("shared.localhost");

        var form = await client.GetStringAsync($"/{name}/admin/mot-de-passe-oublie");
        await client.PostAsync($"/{name}/admin/mot-de-passe-oublie", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = Token(form),
            ["email"] = $"admin@{name}.localhost",
        }));
        var link = new Uri(Link((await SingleMailAsync(name)).TextBody));
        Assert.Equal($"http://shared.localhost/{name}/admin/nouveau-mot-de-passe", link.GetLeftPart(UriPartial.Path));

        var page = await client.GetStringAsync(link.PathAndQuery);
        var done = await client.PostAsync($"/{name}/admin/nouveau-mot-de-passe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = Token(page),
            ["email"] = Hidden(page, "email"),
            ["jeton"] = Hidden(page, "jeton"),
            ["password"] = NewPassword,
            ["confirmation"] = NewPassword,
        }));
        Assert.Equal($"/{name}/admin/connexion?reinitialise=1", done.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Requests_beyond_the_limit_per_minute_get_429()
    {
        await using var app = fixture.StartApp(new Dictionary<string, string?> { ["Municipal:SignIn:PermitPerMinute"] = "2" });
        var name = fixture.NewTenantName("rate");
        await app.Services.GetRequiredService<Core.Tenancy.TenantProvisioner>().CreateAsync(
            new Core.Tenancy.CreateTenantRequest(name, "Rate", [$"{name}.localhost"], null, "municipality", $"admin@{name}.localhost", StorageFixture.AdminPassword), false, CancellationToken.None);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{name}.localhost/") });

        Assert.Equal(HttpStatusCode.OK, (await RequestResetAsync(client, "a@example.be")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestResetAsync(client, "b@example.be")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RequestResetAsync(client, $"admin@{name}.localhost")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/mot-de-passe-oublie")).StatusCode);
    }

    [Fact]
    public async Task Posts_without_antiforgery_token_are_refused()
    {
        var name = await NewTenantAsync("csrf");
        var client = fixture.ClientFor($"{name}.localhost");

        var request = await client.PostAsync("/admin/mot-de-passe-oublie", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = $"admin@{name}.localhost" }));
        var reset = await client.PostAsync("/admin/nouveau-mot-de-passe", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = NewPassword }));

        Assert.Equal(HttpStatusCode.BadRequest, request.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        await RunJobsAsync();
        Assert.Empty(Mails(name));
    }

    private async Task<string> NewTenantAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name);
        return name;
    }

    private Task<int> RunJobsAsync() => fixture.App.Services.GetRequiredService<JobRunner>().RunDueAsync();

    private string[] Mails(string tenant)
    {
        var folder = Path.Combine(fixture.TenantsFolder, tenant, "mail");
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    private async Task<MimeMessage> SingleMailAsync(string tenant)
    {
        await RunJobsAsync();
        var file = Assert.Single(Mails(tenant));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        return await MimeMessage.LoadAsync(file);
    }

    private static string Link(string? body) => LinkPattern().Match(body ?? string.Empty) is { Success: true } match
        ? match.Value
        : throw new Xunit.Sdk.XunitException("Pas de lien dans le message : " + body);

    private static string MainOf(string html) => Regex.Match(html, "<main.*</main>", RegexOptions.Singleline).Value;

    private static async Task<HttpResponseMessage> RequestResetAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync("/admin/mot-de-passe-oublie");
        return await client.PostAsync("/admin/mot-de-passe-oublie", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = Token(form),
            ["email"] = email,
        }));
    }

    private static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string pathAndQuery, string password, string confirmation)
    {
        var form = await client.GetStringAsync(pathAndQuery);
        return await client.PostAsync("/admin/nouveau-mot-de-passe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = Token(form),
            ["email"] = Hidden(form, "email"),
            ["jeton"] = Hidden(form, "jeton"),
            ["password"] = password,
            ["confirmation"] = confirmation,
        }));
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/admin/connexion");
        return await client.PostAsync("/admin/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = Token(form),
            ["email"] = email,
            ["password"] = password,
        }));
    }

    private static string Token(string html) => Hidden(html, "__jeton");

    private static string Hidden(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"Pas de champ {name} dans la page.");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class PasswordResetTestsOnSqlite(SqliteFixture fixture) : PasswordResetTests<SqliteFixture>(fixture);

public sealed class PasswordResetTestsOnPostgres(PostgresFixture fixture) : PasswordResetTests<PostgresFixture>(fixture);
