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
    public const string Policy = "Municipal.Host";
    public const string Purpose = "Municipal.Host.Cookie.v1";

    public const string DashboardPath = "/host";
    public const string SignInPath = "/host/connexion";
    public const string SignOutPath = "/host/deconnexion";
    public const string AssetsPath = "/host/assets";
    public const string ReturnParameter = "retour";

    internal static void Configure(CookieAuthenticationOptions options, IDataProtectionProvider dataProtection)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.Path = DashboardPath;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.TicketDataFormat = new TicketDataFormat(dataProtection.CreateProtector(Purpose));
        options.LoginPath = SignInPath;
        options.LogoutPath = SignOutPath;
        options.AccessDeniedPath = SignInPath;
        options.ReturnUrlParameter = ReturnParameter;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
    }

    /// <summary>Where to go after signing in: a local address under /host, else the dashboard.</summary>
    public static string ReturnUrl(string? requested) =>
        !string.IsNullOrEmpty(requested)
        && requested[0] == '/'
        && (requested.Length == 1 || (requested[1] != '/' && requested[1] != '\\'))
        && !requested.Any(char.IsControl)
        && new PathString(requested.Split('?', 2)[0]).StartsWithSegments(DashboardPath)
            ? requested
            : DashboardPath;
}
