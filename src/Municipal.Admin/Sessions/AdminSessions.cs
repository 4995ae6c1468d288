using System.Net;
using System.Security.Cryptography;

namespace Municipal.Admin.Sessions;

/// <summary>
/// The server's side of the back office's cookies: a row per sign-in that the cookie names, checked on every request,
/// so that signing out, "sign out everywhere", the absolute lifetime and the idle window hold even for a copy of
/// the cookie.
/// </summary>
public sealed class AdminSessions(TenantDbContext db, TimeProvider clock, IOptions<MunicipalOptions> options)
{
    /// <summary>The last activity is written at most this often: one write per few minutes, not one per request.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(5);

    private TimeSpan AbsoluteLifetime => options.Value.SignIn.AbsoluteLifetime;

    /// <summary>Opens a session for a user who just proved who they are; answers its id, for the cookie.</summary>
    public async Task<string> OpenAsync(HttpContext http, string userId, string securityStamp)
    {
        var now = clock.GetUtcNow();
        // The user's ended sessions are forgotten here, at their next sign-in: no job needed, and the table holds at
        // most the sessions still open plus those ended since.
        var ended = await db.AdminSessions.Where(s => s.UserId == userId).ToListAsync(http.RequestAborted);
        db.AdminSessions.RemoveRange(ended.Where(s => !IsOpen(s, securityStamp, now)));
        var id = WebEncoders(RandomNumberGenerator.GetBytes(32));
        db.AdminSessions.Add(new AdminSessionRecord
        {
            Id = id,
            UserId = userId,
            SecurityStamp = securityStamp,
            CreatedUtc = now,
            LastSeenUtc = now,
            Client = Describe(http),
        });
        await db.SaveChangesAsync(http.RequestAborted);
        return id;
    }

    /// <summary>Whether the session is open for this user and stamp; notes the activity (every few minutes at most).</summary>
    public async Task<bool> TouchAsync(string id, string userId, string securityStamp, CancellationToken cancellationToken)
    {
        var row = await db.AdminSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var now = clock.GetUtcNow();
        if (row is null || !string.Equals(row.UserId, userId, StringComparison.Ordinal) || !IsOpen(row, securityStamp, now))
        {
            return false;
        }

        if (now - row.LastSeenUtc >= LastSeenPrecision)
        {
            row.LastSeenUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>The user changed their own stamp (password, two-factor) from this session, which stays open.</summary>
    public async Task RestampAsync(string id, string securityStamp, CancellationToken cancellationToken)
    {
        if (await db.AdminSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } row)
        {
            row.SecurityStamp = securityStamp;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The user's open sessions, the most recently active first.</summary>
    public async Task<List<AdminSessionRecord>> OpenOfAsync(string userId, string securityStamp, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.AdminSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        return rows.Where(s => IsOpen(s, securityStamp, now)).OrderByDescending(s => s.LastSeenUtc).ThenByDescending(s => s.CreatedUtc).ToList();
    }

    /// <summary>Closes the user's session named by <paramref name="handle"/>; answers its id, or null when there is none open.</summary>
    public async Task<string?> CloseAsync(string userId, string handle, CancellationToken cancellationToken)
    {
        var rows = await db.AdminSessions.Where(s => s.UserId == userId && s.RevokedUtc == null).ToListAsync(cancellationToken);
        if (rows.FirstOrDefault(s => string.Equals(Handle(s.Id), handle, StringComparison.Ordinal)) is not { } row)
        {
            return null;
        }

        row.RevokedUtc = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>Closes every session of the user, this one included.</summary>
    public async Task CloseAllAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var row in await db.AdminSessions.Where(s => s.UserId == userId && s.RevokedUtc == null).ToListAsync(cancellationToken))
        {
            row.RevokedUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// What the account page shows for a session, without the id (which is as good as the cookie to whoever could
    /// forge a ticket): a short digest to name it in the "close" form.
    /// </summary>
    public static string Handle(string id) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..16];

    private bool IsOpen(AdminSessionRecord row, string securityStamp, DateTimeOffset now) =>
        row.RevokedUtc is null
        && string.Equals(row.SecurityStamp, securityStamp, StringComparison.Ordinal)
        && now - row.CreatedUtc < AbsoluteLifetime
        && now - row.LastSeenUtc < TenantAuthentication.IdleLifetime + LastSeenPrecision;

    private static string WebEncoders(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// "Firefox, Windows · réseau 203.0.113.0/24": the browser family and system from the User-Agent, and only the
    /// network of the address (a /24, or the /64 of IPv6), so that the list helps recognise a session without keeping
    /// where exactly a user signs in from.
    /// </summary>
    public static string Describe(HttpContext http)
    {
        var agent = http.Request.Headers.UserAgent.ToString();
        var browser = agent.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
            : agent.Contains("OPR/", StringComparison.Ordinal) ? "Opera"
            : agent.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
            : agent.Contains("Chrome/", StringComparison.Ordinal) ? "Chrome"
            : agent.Contains("Safari/", StringComparison.Ordinal) ? "Safari"
            : null;
        var system = agent.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : agent.Contains("Android", StringComparison.Ordinal) ? "Android"
            : agent.Contains("iPhone", StringComparison.Ordinal) || agent.Contains("iPad", StringComparison.Ordinal) ? "iOS"
            : agent.Contains("Mac OS X", StringComparison.Ordinal) ? "macOS"
            : agent.Contains("Linux", StringComparison.Ordinal) ? "Linux"
            : null;
        var parts = new[] { browser, system }.OfType<string>().ToList();
        var network = Network(http.Connection.RemoteIpAddress);
        var text = (parts.Count == 0 ? "?" : string.Join(", ", parts)) + (network is null ? string.Empty : " · " + network);
        return text.Length <= 100 ? text : text[..100];
    }

    private static string? Network(IPAddress? address)
    {
        var key = ClientKey.Of(address);
        if (key == "unknown" || key.EndsWith("/64", StringComparison.Ordinal))
        {
            return key == "unknown" ? null : key;
        }

        var dot = key.LastIndexOf('.');
        return dot < 0 ? null : key[..dot] + ".0/24";
    }
}
