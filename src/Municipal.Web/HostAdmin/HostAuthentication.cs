using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Municipal.Web.HostAdmin;

/// <summary>
/// The operator's cookie: its own name and path (/host), and a data-protection purpose that is no tenant's, so a
/// tenant administrator's ticket cannot be read here and an operator's ticket cannot be read on a tenant's /admin.
/// </summary>
public static class HostAuthentication
{
    public const string Scheme = "Municipal.Host";
    public const string CookieName = ".Municipal.Host";
    public const string OperatorClaim = "operator";
    public const string StampClaim = "operator-session";
    public const string Policy = "Municipal.Host";
    public const string Purpose = "Municipal.Host.Cookie.v1";

    public const string DashboardPath = "/host";
    public const string SignInPath = "/host/connexion";
    public const string SignOutPath = "/host/deconnexion";
    public const string AssetsPath = "/host/assets";
    public const string ReturnParameter = "retour";

    internal static void Configure(CookieAuthenticationOptions options, IDataProtectionProvider dataProtection)
    {
        BackOfficeCookie.Configure(options, CookieName, SignInPath, SignOutPath, ReturnParameter, TimeSpan.FromHours(8), ValidatePrincipalAsync);
        options.Cookie.Path = DashboardPath;
        options.TicketDataFormat = new TicketDataFormat(dataProtection.CreateProtector(Purpose));
    }

    /// <summary>The operator's id named by a principal, if any.</summary>
    public static long? OperatorId(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>
    /// A cookie is good only while its operator exists and its stamp is the operator's current one (renewed at
    /// sign-out): one query by primary key per request that carries the cookie.
    /// </summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(StampClaim);
        var operators = context.HttpContext.RequestServices.GetRequiredService<OperatorAccounts>();
        if (principal is null || stamp is null || OperatorId(principal) is not { } id
            || !await operators.IsSessionOpenAsync(id, stamp, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    /// <summary>Where to go after signing in: a local address under /host, else the dashboard.</summary>
    public static string ReturnUrl(string? requested) =>
        !string.IsNullOrEmpty(requested)
        && AdminEndpoints.IsLocal(requested)
        && new PathString(requested.Split('?', 2)[0]).StartsWithSegments(DashboardPath)
            ? FormPosts.EncodeLocation(requested)
            : DashboardPath;
}
