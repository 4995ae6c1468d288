using Microsoft.AspNetCore.Authentication.Cookies;

namespace Municipal.Admin;

/// <summary>
/// What the tenants' back-office cookie and the operator's cookie (/host) share: HTTP-only, SameSite=Lax, secure
/// when the request is, sliding over an idle lifetime, checked on each request by <c>validate</c>, and the sign-in
/// page for a missing or refused cookie. Name scoping, path and ticket protection stay each scheme's own.
/// </summary>
public static class BackOfficeCookie
{
    public static void Configure(
        CookieAuthenticationOptions options,
        string cookieName,
        string signInPath,
        string signOutPath,
        string returnParameter,
        TimeSpan idleLifetime,
        Func<CookieValidatePrincipalContext, Task> validate)
    {
        options.Cookie.Name = cookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = signInPath;
        options.LogoutPath = signOutPath;
        options.AccessDeniedPath = signInPath;
        options.ReturnUrlParameter = returnParameter;
        options.ExpireTimeSpan = idleLifetime;
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = validate;
    }
}
