using Microsoft.AspNetCore.DataProtection;

namespace Municipal.Forms.CitizenSignIn;

/// <summary>Who the national authentication service said the citizen is. The national number is 11 digits.</summary>
public sealed record CitizenIdentity(string NationalNumber, string FirstName, string LastName)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>
/// The citizen's sign-in for forms that require one: a short-lived cookie, HttpOnly, protected with a purpose that
/// names the tenant (worthless on another municipality), apart from the back office's cookie.
/// </summary>
public sealed class CitizenSession(IDataProtectionProvider dataProtection, TenantContext tenant, TimeProvider clock)
{
    public const string CookieName = ".Municipal.Citizen";

    /// <summary>A session lasts one hour from sign-in: long enough for a form, short on a shared computer.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private sealed record Ticket(CitizenIdentity Identity, DateTimeOffset ExpiresUtc);

    public CitizenIdentity? Current(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var ticket = JsonSerializer.Deserialize<Ticket>(Protector().Unprotect(value));
            return ticket is not null && ticket.ExpiresUtc > clock.GetUtcNow() ? ticket.Identity : null;
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    public void SignIn(HttpContext http, CitizenIdentity identity)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        var value = Protector().Protect(JsonSerializer.Serialize(new Ticket(identity, expires)));
        http.Response.Cookies.Append(CookieName, value, Options(http, expires));
    }

    public static void SignOut(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http, null));

    private IDataProtector Protector() => dataProtection.CreateProtector("Municipal.Citizen.v1", tenant.Tenant.Name);

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = http.Request.PathBase.HasValue ? http.Request.PathBase.Value : "/",
        Expires = expires,
        IsEssential = true,
    };
}
