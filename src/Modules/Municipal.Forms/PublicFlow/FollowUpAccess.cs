using Microsoft.AspNetCore.DataProtection;

namespace Municipal.Forms.PublicFlow;

/// <summary>The request a citizen proved they may follow (its code and the e-mail they typed).</summary>
public sealed record FollowUpGrant(string Code, string Email);

/// <summary>
/// Remembers, for a short while, that this browser gave the right code and e-mail: a data-protected, HttpOnly,
/// SameSite=Strict cookie scoped to the follow-up page, with a payload bound to the tenant that carries its own end.
/// The e-mail thus never travels in a URL, and the citizen need not type it again to answer a question. The end is
/// checked against the application's <see cref="TimeProvider"/>: data protection's time-limited protector reads the
/// machine's clock and takes no TimeProvider.
/// </summary>
public sealed class FollowUpAccess(IDataProtectionProvider protection, TenantContext tenant, TimeProvider clock)
{
    public const string CookieName = ".Municipal.FollowUp";

    /// <summary>How long a proof lasts after the last page shown; each page shown renews it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

    // v2: the end is in the payload (v1 was a time-limited payload); a v1 cookie reads as none.
    private IDataProtector Protector => protection.CreateProtector("Municipal.Forms.FollowUp.v2", tenant.Tenant.Name);

    private sealed record Ticket(string Code, string Email, DateTimeOffset ExpiresUtc);

    public void Grant(HttpContext http, FollowUpGrant grant)
    {
        var ticket = new Ticket(grant.Code, grant.Email, clock.GetUtcNow() + Lifetime);
        http.Response.Cookies.Append(CookieName, Protector.Protect(JsonSerializer.Serialize(ticket)), Options(http));
    }

    public FollowUpGrant? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 4096)
        {
            return null;
        }

        try
        {
            var ticket = JsonSerializer.Deserialize<Ticket>(Protector.Unprotect(value));
            return ticket is not null && ticket.ExpiresUtc > clock.GetUtcNow() ? new FollowUpGrant(ticket.Code, ticket.Email) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            // Expired, from another tenant or forged: as if there were none.
            return null;
        }
    }

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http));

    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = (http.Request.PathBase + SubmissionMail.FollowUpPath).ToString(),
        IsEssential = true,
    };
}
