using System.Security.Cryptography;
using System.Text;

namespace Municipal.Admin.Sessions;

/// <summary>
/// Slows down password guessing without handing strangers a way to lock an account: failures are counted per typed
/// address and per client (<see cref="ClientKey"/>), so a stranger's failures hold back only that stranger, never
/// the owner signing in from elsewhere. After the free failures each further try from that client for that address
/// waits 1 minute, then 2, 4... up to <see cref="SignInOptions.MaxDelay"/>. Counted per typed address, known or not,
/// so the answers do not tell which addresses exist. Kept in the tenant's database on the application's clock, so
/// every node of a cluster sees the same count. The same table in the host's database throttles the operators'
/// sign-in (<see cref="Municipal.Core.Storage.HostDbContext"/>).
/// </summary>
public sealed class SignInThrottle(DbContext db, TimeProvider clock, IOptions<MunicipalOptions> options)
{
    /// <summary>The tenant's throttle, for the back office of the request's tenant.</summary>
    public SignInThrottle(TenantDbContext db, TimeProvider clock, IOptions<MunicipalOptions> options)
        : this((DbContext)db, clock, options)
    {
    }

    private DbSet<SignInThrottleRecord> Throttles => db.Set<SignInThrottleRecord>();

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);

    /// <summary>Rows untouched for this long are forgotten (a count that old no longer matters: the longest wait is shorter).</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>How long this client must still wait before a try for this address is checked; null when it may try now.</summary>
    public async Task<TimeSpan?> WaitAsync(HttpContext http, string email)
    {
        var row = await Throttles.AsNoTracking().FirstOrDefaultAsync(t => t.Id == Key(http, email), http.RequestAborted);
        var now = clock.GetUtcNow();
        return row?.NotBeforeUtc is { } notBefore && notBefore > now ? notBefore - now : null;
    }

    /// <summary>Counts a wrong password or code, and sets the wait that follows once the free failures are used up.</summary>
    public Task FailedAsync(HttpContext http, string email) => FailedAsync(http, email, retry: true);

    private async Task FailedAsync(HttpContext http, string email, bool retry)
    {
        var now = clock.GetUtcNow();
        var key = Key(http, email);
        var row = await Throttles.FirstOrDefaultAsync(t => t.Id == key, http.RequestAborted);
        var inserted = row is null;
        if (row is null)
        {
            row = new SignInThrottleRecord { Id = key };
            Throttles.Add(row);
        }
        else if (now - row.UpdatedUtc > Retention)
        {
            row.Failures = 0;
        }

        row.Failures++;
        row.UpdatedUtc = now;
        var settings = options.Value.SignIn;
        var beyond = row.Failures - Math.Max(1, settings.FailuresBeforeDelay);
        row.NotBeforeUtc = beyond < 0 ? null : now + Delay(beyond, settings.MaxDelay);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException) when (inserted && retry)
        {
            // A parallel failure of the same client for the same address inserted the row first: count on that row.
            db.Entry(row).State = EntityState.Detached;
            await FailedAsync(http, email, retry: false);
            return;
        }

        // The forgotten counts of others go in the same breath: no job needed for a table only failures write to.
        await Throttles.Where(t => t.UpdatedUtc < now - Retention).ExecuteDeleteAsync(http.RequestAborted);
    }

    /// <summary>A success from this client for this address starts its count afresh.</summary>
    public Task SucceededAsync(HttpContext http, string email)
    {
        var key = Key(http, email);
        return Throttles.Where(t => t.Id == key).ExecuteDeleteAsync(http.RequestAborted);
    }

    /// <summary>The message of a try refused because it came too soon: the same whether the address exists or not.</summary>
    public static string Message(TimeSpan wait) =>
        Municipal.Core.Resources.CoreText.Format("SignInThrottled", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)));

    /// <summary>1 minute at the first failure beyond the free ones, doubled at each next one, at most <paramref name="max"/>.</summary>
    public static TimeSpan Delay(int beyondFree, TimeSpan max)
    {
        var minutes = FirstDelay.TotalMinutes * Math.Pow(2, Math.Min(beyondFree, 30));
        return minutes >= max.TotalMinutes ? max : TimeSpan.FromMinutes(minutes);
    }

    private static string Key(HttpContext http, string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant() + "\n" + ClientKey.Of(http))));
}
