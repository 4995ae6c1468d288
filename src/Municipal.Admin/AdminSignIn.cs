using Microsoft.AspNetCore.DataProtection;

namespace Municipal.Admin;

/// <summary>
/// Issuing the back office's cookie, in one place for both paths (password only, password then code), and the
/// short-lived proof of a correct password that the second step of a two-factor sign-in reads.
/// </summary>
public static class AdminSignIn
{
    public const string TwoFactorCookiePrefix = ".Municipal.TwoFactor";
    private const string TwoFactorPurpose = "Municipal.Admin.TwoFactor.v1";
    private static readonly TimeSpan TwoFactorLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// After a correct password: the cookie at once, or, when the user has two-factor on, the intermediate proof
    /// and a redirect to the code page.
    /// </summary>
    public static async Task<IResult> AfterPasswordAsync(HttpContext http, UserManager<IdentityUser> users, IdentityUser user, string? requestedReturn)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            var stamp = await users.GetSecurityStampAsync(user);
            var proof = Protector(http).Protect(user.Id + "\n" + stamp, TwoFactorLifetime);
            http.Response.Cookies.Append(TwoFactorCookieName(http), proof, new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = http.Request.PathBase.HasValue ? http.Request.PathBase.Value : "/",
                MaxAge = TwoFactorLifetime,
                IsEssential = true,
            });
            var query = string.IsNullOrEmpty(requestedReturn) ? string.Empty : "?" + TenantAuthentication.ReturnParameter + "=" + Uri.EscapeDataString(requestedReturn);
            return Results.Redirect(http.Request.PathBase + TwoFactorSignInEndpoints.VerifyPath + query);
        }

        await http.RequestServices.GetRequiredService<Sessions.SignInThrottle>().SucceededAsync(http, user.Email ?? user.Id);
        await IssueAsync(http, user, twoFactor: false);
        return Results.Redirect(AdminEndpoints.ReturnUrl(http, requestedReturn));
    }

    /// <summary>The user whose password the intermediate proof vouches for, if it is valid, recent and of this tenant.</summary>
    public static async Task<IdentityUser?> PendingTwoFactorUserAsync(HttpContext http, UserManager<IdentityUser> users)
    {
        if (http.Request.Cookies[TwoFactorCookieName(http)] is not { Length: > 0 } proof)
        {
            return null;
        }

        string payload;
        try
        {
            payload = Protector(http).Unprotect(proof, out _);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('\n', 2);
        var user = parts.Length == 2 ? await users.FindByIdAsync(parts[0]) : null;
        // A password change or a disabled account since the first step voids the proof.
        return user is not null && string.Equals(await users.GetSecurityStampAsync(user), parts[1], StringComparison.Ordinal) ? user : null;
    }

    public static void ForgetPendingTwoFactor(HttpContext http) =>
        http.Response.Cookies.Delete(TwoFactorCookieName(http), new CookieOptions { Path = http.Request.PathBase.HasValue ? http.Request.PathBase.Value : "/" });

    /// <summary>Opens a session, issues its cookie and writes "signed in" to the audit log.</summary>
    public static async Task IssueAsync(HttpContext http, IdentityUser user, bool twoFactor)
    {
        var users = http.RequestServices.GetRequiredService<UserManager<IdentityUser>>();
        var sessions = http.RequestServices.GetRequiredService<Sessions.AdminSessions>();
        var session = await sessions.OpenAsync(http, user.Id, await users.GetSecurityStampAsync(user));
        await WriteCookieAsync(http, user, session);
        var audit = http.RequestServices.GetRequiredService<AuditLog>();
        var email = user.Email ?? user.UserName ?? user.Id;
        await audit.RecordAsync(
            AuditActions.SignedIn,
            Users.TenantUsers.AuditObjectType,
            user.Id,
            email,
            twoFactor ? Municipal.Core.Resources.CoreText.Get("TwoFactorAuditSignedIn") : null,
            http.RequestAborted);
    }

    /// <summary>
    /// A new cookie for the signed-in user after they changed their own security stamp (password, two-factor,
    /// roles), so that the change does not sign them out.
    /// </summary>
    public static async Task RefreshAsync(HttpContext http, IdentityUser user)
    {
        var users = http.RequestServices.GetRequiredService<UserManager<IdentityUser>>();
        var sessions = http.RequestServices.GetRequiredService<Sessions.AdminSessions>();
        var stamp = await users.GetSecurityStampAsync(user);
        // The same session goes on under the new stamp; the user's other sessions, still on the former stamp, end.
        if (http.User.FindFirstValue(TenantAuthentication.SessionClaim) is { } session)
        {
            await sessions.RestampAsync(session, stamp, http.RequestAborted);
        }
        else
        {
            session = await sessions.OpenAsync(http, user.Id, stamp);
        }

        await WriteCookieAsync(http, user, session);
    }

    private static async Task WriteCookieAsync(HttpContext http, IdentityUser user, string session)
    {
        var tenant = http.RequestServices.GetRequiredService<TenantContext>().Tenant;
        var principals = http.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>();
        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, TenantAuthentication.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(TenantAuthentication.TenantClaim, tenant.Name));
        identity.AddClaim(new Claim(TenantAuthentication.SessionClaim, session));
        var signedIn = new ClaimsPrincipal(identity);
        await http.SignInAsync(TenantAuthentication.Scheme, signedIn);
        // The rest of this request (the audit line's actor, the page's header) sees the user as signed in.
        http.User = signedIn;
    }

    private static string TwoFactorCookieName(HttpContext http) =>
        TwoFactorCookiePrefix + "." + (TenantAuthentication.CurrentTenantName(http) ?? string.Empty);

    private static ITimeLimitedDataProtector Protector(HttpContext http)
    {
        var tenant = TenantAuthentication.CurrentTenantName(http) ?? throw new InvalidOperationException("No tenant is attached to this request.");
        return http.RequestServices.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(TwoFactorPurpose, "tenant:" + tenant)
            .ToTimeLimitedDataProtector();
    }
}
