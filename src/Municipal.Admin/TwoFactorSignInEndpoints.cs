using Municipal.Admin.Sessions;
using Municipal.Admin.Users;

namespace Municipal.Admin;

/// <summary>
/// The second step of a two-factor sign-in, "Code de vérification": a code of the authenticator app or one of the
/// recovery codes. It needs the proof of a correct password left by the first step (a data-protected cookie of
/// this tenant, five minutes); wrong codes count like wrong passwords, for this client only (SignInThrottle).
/// </summary>
public static class TwoFactorSignInEndpoints
{
    public const string VerifyPath = "/admin/connexion/verification";

    /// <summary>"?recuperation=1": the page asks for a recovery code (a text field) instead of the app's digits.</summary>
    public const string RecoveryParameter = "recuperation";

    /// <summary>The sign-in page says the second step expired (or was never started) and asks to sign in again.</summary>
    public const string TwoFactorExpiredParameter = "verification";

    private const string LastCodeProvider = "[Municipal]";
    private const string LastCodeName = "LastAuthenticatorCode";
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static void MapTwoFactorSignIn(this RouteGroupBuilder admin)
    {
        admin.MapGet("/connexion/verification", FormAsync);
        admin.MapPost("/connexion/verification", VerifyAsync).RequireRateLimiting(AdminEndpoints.SignInRateLimitPolicy);
    }

    private static async Task<IResult> FormAsync(HttpContext http, AdminViews views, TenantContext tenant, UserManager<IdentityUser> users)
    {
        if (tenant.Current is null)
        {
            return Results.NotFound();
        }

        return await AdminSignIn.PendingTwoFactorUserAsync(http, users) is null
            ? BackToSignIn(http)
            : await RenderAsync(http, views, codeError: null);
    }

    private static async Task<IResult> VerifyAsync(
        HttpContext http,
        AdminViews views,
        TenantContext tenant,
        Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery,
        UserManager<IdentityUser> users,
        IOptions<IdentityOptions> identityOptions,
        TimeProvider clock,
        SignInThrottle throttle)
    {
        if (await FormPosts.RefusalAsync(http, tenant) is { } refused)
        {
            return refused;
        }

        var user = await AdminSignIn.PendingTwoFactorUserAsync(http, users);
        if (user is null)
        {
            return BackToSignIn(http);
        }

        if (await users.IsLockedOutAsync(user))
        {
            AdminSignIn.ForgetPendingTwoFactor(http);
            return await RenderAsync(http, views, Locked(identityOptions.Value, user));
        }

        // Wrong codes count with wrong passwords, for this client and this address only (SignInThrottle).
        var email = user.Email ?? user.Id;
        if (await throttle.WaitAsync(http, email) is { } wait)
        {
            AdminSignIn.ForgetPendingTwoFactor(http);
            return await RenderAsync(http, views, SignInThrottle.Message(wait));
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var code = new string(form["code"].ToString().Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length == 0)
        {
            return await RenderAsync(http, views, CoreText.Get("TwoFactorCodeRequired"));
        }

        if (await IsValidAsync(users, user, code, clock.GetUtcNow()))
        {
            AdminSignIn.ForgetPendingTwoFactor(http);
            await throttle.SucceededAsync(http, email);
            await AdminSignIn.IssueAsync(http, user, twoFactor: true);
            return Results.Redirect(AdminEndpoints.ReturnUrl(http, http.Request.Query[TenantAuthentication.ReturnParameter]));
        }

        await throttle.FailedAsync(http, email);
        return await RenderAsync(http, views, CoreText.Get("TwoFactorCodeInvalid"));
    }

    /// <summary>Six digits are an authenticator code; anything else is tried as a recovery code (used once).</summary>
    private static async Task<bool> IsValidAsync(UserManager<IdentityUser> users, IdentityUser user, string code, DateTimeOffset now)
    {
        var digits = code.Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded;
        }

        // Identity accepts a code for a few minutes around its 30 seconds: the last code that signed in is
        // refused for that long, so that a code seen over a shoulder (or in a proxy's log) cannot be replayed.
        if (await users.GetAuthenticationTokenAsync(user, LastCodeProvider, LastCodeName) is { } last
            && last.Split('|') is [var lastCode, var lastTicks]
            && string.Equals(lastCode, digits, StringComparison.Ordinal)
            && long.TryParse(lastTicks, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && now.UtcTicks - ticks < ReplayWindow.Ticks)
        {
            return false;
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return false;
        }

        await users.SetAuthenticationTokenAsync(user, LastCodeProvider, LastCodeName, digits + "|" + now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private static string Locked(IdentityOptions options, IdentityUser user) =>
        UserStates.IsDisabled(user.LockoutEnd)
            ? CoreText.Get("SignInDisabled")
            : CoreText.Format("SignInLockedOut", (int)Math.Ceiling(options.Lockout.DefaultLockoutTimeSpan.TotalMinutes));

    private static IResult BackToSignIn(HttpContext http) =>
        Results.Redirect(http.Request.PathBase + TenantAuthentication.SignInPath + "?" + TwoFactorExpiredParameter + "=1");

    private static Task<IResult> RenderAsync(HttpContext http, AdminViews views, string? codeError)
    {
        var errors = codeError is null ? new List<ErrorLinkView>() : [new ErrorLinkView(codeError, "#code")];
        var recovery = http.Request.Query[RecoveryParameter] == "1";
        var returnUrl = http.Request.Query[TenantAuthentication.ReturnParameter].ToString();
        var switchQuery = new List<string>();
        if (returnUrl.Length > 0)
        {
            switchQuery.Add(TenantAuthentication.ReturnParameter + "=" + Uri.EscapeDataString(returnUrl));
        }

        if (!recovery)
        {
            switchQuery.Add(RecoveryParameter + "=1");
        }

        return views.RenderViewAsync(http, "AdminTwoFactorVerify", CoreText.Get("TwoFactorVerifyTitle"), new TwoFactorVerifyView(
            errors,
            codeError,
            recovery,
            (http.Request.PathBase + VerifyPath).ToString() + (switchQuery.Count == 0 ? string.Empty : "?" + string.Join("&", switchQuery)),
            (http.Request.PathBase + VerifyPath + http.Request.QueryString).ToString(),
            (http.Request.PathBase + TenantAuthentication.SignInPath).ToString()));
    }
}

/// <summary>The second step of signing in (AdminTwoFactorVerify.liquid): a code of the app, or a recovery code.</summary>
public sealed record TwoFactorVerifyView(
    IReadOnlyList<ErrorLinkView> Errors,
    string? CodeError,
    bool Recovery,
    string SwitchUrl,
    string FormAction,
    string SignInUrl) : IAdminPageView;
