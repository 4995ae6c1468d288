using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Tenancy;
using Municipal.Web.Tests.Admin;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.UserTestPages;

namespace Municipal.Web.Tests.TimeLimits;

/// <summary>
/// Wrong passwords no longer lock an account: they hold back the client that typed them, for that address only.
/// After three failures each further try of that client waits 1 minute, then 2, ... (on the storage's fake clock),
/// while the owner signing in from another client is never held back. Clients are told apart by X-Forwarded-For
/// from a listed proxy (see <see cref="ReverseProxyTests"/>). SQLite and PostgreSQL.
/// </summary>
public abstract partial class LockoutTimeLimitTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Stranger = "203.0.113.7";
    private const string Owner = "198.51.100.20";
    private const string Invalid = "L'adresse e-mail ou le mot de passe est incorrect";

    [Fact]
    public async Task A_strangers_failures_make_the_stranger_wait_a_doubling_delay_and_a_success_starts_afresh()
    {
        await using var app = StartBehindProxy();
        var (name, email) = await NewTenantAsync(app);
        var stranger = Client(app, name);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(Invalid, await ErrorAsync(await SignInFromAsync(stranger, Stranger, email, "mauvais-" + attempt)));
        }

        // The fourth try waits a minute, even with the right password (which is not even checked).
        var first = fixture.Clock.GetUtcNow();
        await AssertWaitsAsync(stranger, email, name, minutes: 1);
        AdvanceTo(first + TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(1));
        await AssertWaitsAsync(stranger, email, name, minutes: 1);

        // After the minute, one more failure doubles the wait.
        AdvanceTo(first + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(Invalid, await ErrorAsync(await SignInFromAsync(stranger, Stranger, email, "mauvais-4")));
        var second = fixture.Clock.GetUtcNow();
        await AssertWaitsAsync(stranger, email, name, minutes: 2);
        AdvanceTo(second + TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        await AssertWaitsAsync(stranger, email, name, minutes: 1);

        AdvanceTo(second + TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var signedIn = await SignInFromAsync(stranger, Stranger, email, StorageFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(HasAuthCookie(signedIn, name));

        // The success reset this client's count: three free failures again, then a one-minute wait.
        var fresh = Client(app, name);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(Invalid, await ErrorAsync(await SignInFromAsync(fresh, Stranger, email, "encore-" + attempt)));
        }

        await AssertWaitsAsync(fresh, email, name, minutes: 1);
    }

    [Fact]
    public async Task Many_failures_of_a_stranger_never_keep_the_owner_out()
    {
        await using var app = StartBehindProxy();
        var (name, email) = await NewTenantAsync(app);
        var stranger = Client(app, name);

        // Ten failures, each after the wait of the previous ones is over: enough to lock any account before.
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            Assert.Equal(Invalid, await ErrorAsync(await SignInFromAsync(stranger, Stranger, email, "mauvais-" + attempt)));
            fixture.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        }

        Assert.Equal(Invalid, await ErrorAsync(await SignInFromAsync(stranger, Stranger, email, "mauvais-11")));
        await AssertWaitsAsync(stranger, email, name, minutes: 60);

        var owner = await SignInFromAsync(Client(app, name), Owner, email, StorageFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.True(HasAuthCookie(owner, name));
    }

    [Fact]
    public async Task An_unknown_address_waits_with_the_very_same_words_as_a_known_one()
    {
        await using var app = StartBehindProxy();
        var (name, email) = await NewTenantAsync(app);
        var unknown = $"personne@{name}.localhost";
        var client = Client(app, name);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(Invalid, await ErrorAsync(await SignInFromAsync(client, Stranger, email, "mauvais-" + attempt)));
            Assert.Equal(Invalid, await ErrorAsync(await SignInFromAsync(client, Stranger, unknown, "mauvais-" + attempt)));
        }

        var known = await ErrorAsync(await SignInFromAsync(client, Stranger, email, StorageFixture.AdminPassword));
        Assert.Contains("Attendez 1 minute(s)", known, StringComparison.Ordinal);
        Assert.Equal(known, await ErrorAsync(await SignInFromAsync(client, Stranger, unknown, "mauvais-4")));
    }

    private MunicipalApp StartBehindProxy() => fixture.StartApp(
        new Dictionary<string, string?> { ["Municipal:ReverseProxy:KnownProxies:0"] = "127.0.0.1" },
        services => services.AddTransient<IStartupFilter, ReverseProxyTests.LoopbackPeer>());

    private async Task<(string Name, string Email)> NewTenantAsync(MunicipalApp app)
    {
        var name = fixture.NewTenantName("verrou");
        var email = $"admin@{name}.localhost";
        await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(name, "Verrou", [$"{name}.localhost"], null, "municipality", email, StorageFixture.AdminPassword), false, CancellationToken.None);
        return (name, email);
    }

    private static HttpClient Client(MunicipalApp app, string name) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{name}.localhost/") });

    private static async Task<HttpResponseMessage> SignInFromAsync(HttpClient client, string forwardedFor, string email, string password)
    {
        var token = Municipal.Web.Tests.Infrastructure.AdminSession.Token(await client.GetStringAsync("/admin/connexion"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = token, ["email"] = email, ["password"] = password }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    /// <summary>The right password is refused with the wait's message, and no cookie is issued.</summary>
    private static async Task AssertWaitsAsync(HttpClient client, string email, string tenant, int minutes)
    {
        var response = await SignInFromAsync(client, Stranger, email, StorageFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(HasAuthCookie(response, tenant));
        Assert.Contains($"Attendez {minutes} minute(s) avant de réessayer", await ErrorAsync(response), StringComparison.Ordinal);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        ErrorPattern().Match(await response.Content.ReadAsStringAsync()) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim()
            : throw new Xunit.Sdk.XunitException("Pas de message d'erreur de champ dans la page.");

    private void AdvanceTo(DateTimeOffset instant) => fixture.Clock.Advance(instant - fixture.Clock.GetUtcNow());

    [GeneratedRegex("<p id=\"(?:email|password)-error\" class=\"error-message\"><span class=\"visually-hidden\">Erreur :</span>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();
}

public sealed class LockoutTimeLimitTestsOnSqlite(SqliteFixture fixture) : LockoutTimeLimitTests<SqliteFixture>(fixture);

public sealed class LockoutTimeLimitTestsOnPostgres(PostgresFixture fixture) : LockoutTimeLimitTests<PostgresFixture>(fixture);
