using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Municipal.Admin.Sessions;
using Municipal.Core.Display;
using Municipal.Core.Storage;

namespace Municipal.Web.HostAdmin;

/// <summary>The operator's sign-in and sign-out at /host (the rest of the host administration is beside it).</summary>
public static partial class HostAdminEndpoints
{
    private static async Task<IResult> SignInFormAsync(HttpContext http, AdminViews views)
    {
        if ((await http.AuthenticateAsync(HostAuthentication.Scheme)).Succeeded)
        {
            return Results.Redirect(HostAuthentication.ReturnUrl(http.Request.Query[HostAuthentication.ReturnParameter]));
        }

        return await RenderSignInAsync(http, views, null, null, null);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http,
        AdminViews views,
        IAntiforgery antiforgery,
        OperatorAccounts operators,
        IOptions<IdentityOptions> identityOptions,
        HostDbContext hostDb,
        TimeProvider clock,
        IOptions<MunicipalOptions> municipalOptions)
    {
        if (await FormPosts.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var email = form["email"].ToString().Trim();
        var password = form["password"].ToString();
        string? emailError = email.Length == 0 ? CoreText.Get("SignInEmailRequired") : null;
        string? passwordError = password.Length == 0 ? CoreText.Get("SignInPasswordRequired") : null;
        if (emailError is null && passwordError is null)
        {
            // Wrong passwords hold back the client that typed them, for that address only: no account lockout.
            var throttle = new SignInThrottle(hostDb, clock, municipalOptions);
            if (await throttle.WaitAsync(http, email) is { } wait)
            {
                passwordError = SignInThrottle.Message(wait);
                return await RenderSignInAsync(http, views, email, emailError, passwordError);
            }

            var result = await operators.SignInAsync(email, password, http.RequestAborted);
            switch (result.Outcome)
            {
                case OperatorSignInOutcome.Succeeded:
                    await throttle.SucceededAsync(http, email);
                    var identity = new ClaimsIdentity(HostAuthentication.Scheme, ClaimTypes.Name, ClaimTypes.Role);
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, result.Operator!.Id.ToString(CultureInfo.InvariantCulture)));
                    identity.AddClaim(new Claim(ClaimTypes.Name, result.Operator.Email));
                    identity.AddClaim(new Claim(ClaimTypes.Email, result.Operator.Email));
                    identity.AddClaim(new Claim(HostAuthentication.OperatorClaim, "true"));
                    identity.AddClaim(new Claim(HostAuthentication.StampClaim, result.Operator.SessionStamp!));
                    await http.SignInAsync(HostAuthentication.Scheme, new ClaimsPrincipal(identity));
                    return Results.Redirect(HostAuthentication.ReturnUrl(http.Request.Query[HostAuthentication.ReturnParameter]));
                case OperatorSignInOutcome.LockedOut:
                    emailError = CoreText.Format("SignInLockedOut", (int)Math.Ceiling(identityOptions.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes));
                    break;
                default:
                    await throttle.FailedAsync(http, email);
                    passwordError = CoreText.Get("SignInInvalid");
                    break;
            }
        }

        return await RenderSignInAsync(http, views, email, emailError, passwordError);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, OperatorAccounts operators)
    {
        // The token of the dashboard names the operator: validate it against the operator's principal.
        if (await http.AuthenticateAsync(HostAuthentication.Scheme) is { Succeeded: true, Principal: { } principal })
        {
            http.User = principal;
        }

        if (await FormPosts.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        // Deleting the cookie only ends the session in this browser; a new stamp makes every copy of it worthless.
        if (HostAuthentication.OperatorId(http.User) is { } operatorId)
        {
            await operators.EndSessionsAsync(operatorId, http.RequestAborted);
        }

        await http.SignOutAsync(HostAuthentication.Scheme);
        return Results.Redirect(HostAuthentication.SignInPath);
    }

    private static Task<IResult> RenderSignInAsync(HttpContext http, AdminViews views, string? email, string? emailError, string? passwordError) =>
        views.RenderViewAsync(
            http,
            "AdminSignIn",
            CoreText.Get("SignInTitle"),
            AdminViews.SignIn(email, emailError, passwordError, (HostAuthentication.SignInPath + http.Request.QueryString).ToString()),
            Chrome);
}
