using System.Net;
using Municipal.Core.Admin;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.UserTestPages;

namespace Municipal.Web.Tests.TimeLimits;

/// <summary>
/// Five wrong passwords lock a back-office account for 15 minutes (Identity's lockout options), counted on the
/// storage's fake clock (<see cref="ClockedUserManager"/>). SQLite and PostgreSQL.
/// </summary>
public abstract class LockoutTimeLimitTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Locked = "temporairement verrouillé";

    [Fact]
    public async Task A_locked_account_stays_locked_until_just_before_15_minutes_and_signs_in_just_after()
    {
        var name = fixture.NewTenantName("verrou");
        await fixture.CreateTenantAsync(name);
        var host = $"{name}.localhost";
        var email = $"admin@{name}.localhost";

        var lockedAt = fixture.Clock.GetUtcNow();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PasswordStepAsync(fixture.ClientFor(host), email, "mauvais-mot-de-passe-" + attempt)).StatusCode);
        }

        await AssertLockedAsync(fixture.ClientFor(host), email, name);

        AdvanceTo(lockedAt + TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        await AssertLockedAsync(fixture.ClientFor(host), email, name);

        AdvanceTo(lockedAt + TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var signedIn = await PasswordStepAsync(fixture.ClientFor(host), email, StorageFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(HasAuthCookie(signedIn, name));
    }

    /// <summary>The right password is refused with the lockout's message, and no cookie is issued.</summary>
    private static async Task AssertLockedAsync(HttpClient client, string email, string tenant)
    {
        var response = await PasswordStepAsync(client, email, StorageFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(HasAuthCookie(response, tenant));
        Assert.Contains(Locked, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private void AdvanceTo(DateTimeOffset instant) => fixture.Clock.Advance(instant - fixture.Clock.GetUtcNow());
}

public sealed class LockoutTimeLimitTestsOnSqlite(SqliteFixture fixture) : LockoutTimeLimitTests<SqliteFixture>(fixture);

public sealed class LockoutTimeLimitTestsOnPostgres(PostgresFixture fixture) : LockoutTimeLimitTests<PostgresFixture>(fixture);
