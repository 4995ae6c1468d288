using System.Net;
using Municipal.Admin.Users;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.UserTestPages;

namespace Municipal.Web.Tests.TimeLimits;

/// <summary>
/// An invitation to the back office lasts seven days (<see cref="InvitationTokenProviderOptions"/>), dated and
/// checked on the storage's fake clock (<see cref="Municipal.Core.Security.TenantBoundTokenProvider"/>). SQLite and PostgreSQL.
/// </summary>
public abstract class InvitationTimeLimitTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Password = "le-secret-de-la-nouvelle-recrue-7";

    [Fact]
    public async Task An_invitation_is_accepted_at_6_days_23_hours_and_refused_after_7_days()
    {
        var name = fixture.NewTenantName("invit-delai");
        await fixture.CreateTenantAsync(name);
        var host = $"{name}.localhost";
        var admin = fixture.ClientFor(host);
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(admin, $"admin@{name}.localhost", StorageFixture.AdminPassword)).StatusCode);

        // Two invitations sent at the same instant: one taken just before the end, the other just after it.
        var sent = fixture.Clock.GetUtcNow();
        var early = await InviteAsync(admin, name, $"tot@{name}.localhost");
        var late = await InviteAsync(admin, name, $"tard@{name}.localhost");

        AdvanceTo(sent + TimeSpan.FromDays(7) - TimeSpan.FromHours(1));
        var accepted = await ChoosePasswordAsync(fixture.ClientFor(host), early);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/admin/connexion?invitation=1", accepted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(fixture.ClientFor(host), $"tot@{name}.localhost", Password)).StatusCode);

        AdvanceTo(sent + TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var refused = await ChoosePasswordAsync(fixture.ClientFor(host), late);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.True((int)refused.StatusCode < 500, $"Statut {(int)refused.StatusCode}");
        Assert.Contains("Ce lien d'invitation n'est pas valide", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var noAccount = await PasswordStepAsync(fixture.ClientFor(host), $"tard@{name}.localhost", Password);
        Assert.Equal(HttpStatusCode.OK, noAccount.StatusCode);
        Assert.False(HasAuthCookie(noAccount, name));
    }

    /// <summary>Invites <paramref name="email"/> as an agent; answers the mailed link's path and query.</summary>
    private async Task<string> InviteAsync(HttpClient admin, string tenant, string email)
    {
        var form = await admin.GetStringAsync("/admin/utilisateurs/inviter");
        var sent = await admin.PostAsync("/admin/utilisateurs/inviter", Form(form, new() { ["email"] = email, ["role"] = TenantRoles.Agent }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return new Uri(Link(Assert.Single(await MailsToAsync(fixture, tenant, email)).TextBody)).PathAndQuery;
    }

    private static async Task<HttpResponseMessage> ChoosePasswordAsync(HttpClient client, string pathAndQuery)
    {
        var form = await client.GetStringAsync(pathAndQuery);
        return await client.PostAsync("/admin/invitation", Form(form, new()
        {
            ["email"] = Hidden(form, "email"),
            ["jeton"] = Hidden(form, "jeton"),
            ["password"] = Password,
            ["confirmation"] = Password,
        }));
    }

    private void AdvanceTo(DateTimeOffset instant) => fixture.Clock.Advance(instant - fixture.Clock.GetUtcNow());
}

public sealed class InvitationTimeLimitTestsOnSqlite(SqliteFixture fixture) : InvitationTimeLimitTests<SqliteFixture>(fixture);

public sealed class InvitationTimeLimitTestsOnPostgres(PostgresFixture fixture) : InvitationTimeLimitTests<PostgresFixture>(fixture);
