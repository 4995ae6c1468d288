using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Municipal.Admin;

/// <summary>
/// The back office's cookie, made worthless outside its tenant: the cookie is named after the tenant, its path is
/// the tenant's path base, its ticket is protected with a purpose naming the tenant, and the principal's "tenant"
/// claim is checked on every request.
/// </summary>
public static class TenantAuthentication
{
    public const string Scheme = TenantAuthenticationNames.Scheme;
    public const string TenantClaim = TenantAuthenticationNames.TenantClaim;
    public const string CookiePrefix = ".Municipal.Admin";

    /// <summary>The claim naming the cookie's row in the sessions table (<see cref="Sessions.AdminSessions"/>).</summary>
    public const string SessionClaim = "session";

    /// <summary>A session ends after this long without a request (the cookie slides; so does the row's last activity).</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(8);

    public const string SignInPath = "/admin/connexion";
    public const string SignOutPath = "/admin/deconnexion";
    public const string DashboardPath = "/admin";
    public const string ReturnParameter = "retour";

    /// <summary>The cookie name of one tenant (tests copy cookies across tenants with it).</summary>
    public static string CookieName(string tenantName) => CookiePrefix + "." + tenantName;

    public static string? CurrentTenantName(HttpContext http) =>
        (http.RequestServices.GetService(typeof(TenantContext)) as TenantContext)?.Current?.Name;

    internal static void Configure(CookieAuthenticationOptions options, IDataProtectionProvider dataProtection, IHttpContextAccessor accessor)
    {
        BackOfficeCookie.Configure(options, CookiePrefix, SignInPath, SignOutPath, ReturnParameter, IdleLifetime, ValidatePrincipalAsync);
        // Path left null: the handler uses the request's path base, which is the tenant's prefix (or "/").
        options.Cookie.Path = null;
        options.CookieManager = new TenantCookieManager();
        options.TicketDataFormat = new TenantTicketDataFormat(dataProtection, accessor);
        // A signed-in user without the permission gets a French 403, not a trip back to the sign-in page.
        options.Events.OnRedirectToAccessDenied = context => StatusPages.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "ForbiddenTitle", "ForbiddenBody");
    }

    /// <summary>
    /// A principal issued for another tenant (or for none) is rejected and its cookie removed; so is one whose user
    /// is gone, disabled, or whose security stamp changed since the cookie was issued (roles changed, password
    /// reset or changed, two-factor turned on or off): that user signs in again and gets their current roles.
    /// So is one whose session row is closed or too old. Two queries by primary key per request that carries a
    /// cookie, and a write every few minutes at most.
    /// </summary>
    internal static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var tenant = CurrentTenantName(http);
        var claimed = context.Principal?.FindFirstValue(TenantClaim);
        if (tenant is null || !string.Equals(tenant, claimed, StringComparison.Ordinal) || !await IsCurrentAsync(http, context.Principal!))
        {
            context.RejectPrincipal();
            await http.SignOutAsync(Scheme);
        }
    }

    private static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var claimTypes = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = principal.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        var db = http.RequestServices.GetRequiredService<TenantDbContext>();
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(http.RequestAborted);
        // A temporary lockout (someone else's failed attempts) does not end open sessions; disabling does.
        if (row is null
            || !string.Equals(row.SecurityStamp, stamp, StringComparison.Ordinal)
            || Users.UserStates.IsDisabled(row.LockoutEnd))
        {
            return false;
        }

        // The cookie alone is not enough: its session must still be open on the server (not signed out, not closed
        // from another browser, not past the absolute lifetime). A cookie without a session (issued before sessions
        // were kept) signs in again.
        return principal.FindFirstValue(SessionClaim) is { } session
            && await http.RequestServices.GetRequiredService<Sessions.AdminSessions>().TouchAsync(session, userId, stamp, http.RequestAborted);
    }
}

/// <summary>Puts the tenant's name into the name of every cookie the authentication handler reads or writes.</summary>
internal sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) =>
        Name(context, key) is { } name ? _inner.GetRequestCookie(context, name) : null;

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        if (Name(context, key) is { } name)
        {
            _inner.AppendResponseCookie(context, name, value, options);
        }
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options)
    {
        if (Name(context, key) is { } name)
        {
            _inner.DeleteCookie(context, name, options);
        }
    }

    private static string? Name(HttpContext context, string key) =>
        TenantAuthentication.CurrentTenantName(context) is { } tenant ? key + "." + tenant : null;
}

/// <summary>
/// Protects authentication tickets with a data-protection purpose that names the current tenant: a ticket of
/// tenant A cannot be read on tenant B, even under B's cookie name.
/// </summary>
internal sealed class TenantTicketDataFormat(IDataProtectionProvider provider, IHttpContextAccessor accessor) : ISecureDataFormat<AuthenticationTicket>
{
    private const string Purpose = "Municipal.Admin.Cookie.v1";

    public string Protect(AuthenticationTicket data) => Protect(data, purpose: null);

    public string Protect(AuthenticationTicket data, string? purpose) =>
        Format(purpose) is { } format ? format.Protect(data) : throw new InvalidOperationException("No tenant is attached to this request.");

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose) => Format(purpose)?.Unprotect(protectedText);

    private TicketDataFormat? Format(string? purpose)
    {
        var tenant = accessor.HttpContext is { } http ? TenantAuthentication.CurrentTenantName(http) : null;
        if (tenant is null)
        {
            return null;
        }

        var protector = provider.CreateProtector(Purpose, "tenant:" + tenant);
        return new TicketDataFormat(purpose is null ? protector : protector.CreateProtector(purpose));
    }
}
