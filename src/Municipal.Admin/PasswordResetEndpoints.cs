namespace Municipal.Admin;

/// <summary>
/// "Mot de passe oublié" of the back office: a request form that answers the same, with the same work, whether the
/// address exists or not (<see cref="PasswordResetMail"/>, a durable job, mails the link holding Identity's reset
/// token), and the form that sets the new password.
/// </summary>
public static class PasswordResetEndpoints
{
    public const string RequestPath = "/admin/mot-de-passe-oublie";
    public const string ResetPath = "/admin/nouveau-mot-de-passe";
    public const string DoneParameter = "reinitialise";

    /// <summary>The page the mailed link opens (<see cref="PasswordResetMail"/> builds the link).</summary>
    internal static readonly TokenLinkPage Page = new(ResetPath, "AdminNewPassword", "NewPasswordTitle", DoneParameter);

    /// <summary>Maps the two forms on the admin group (no-store, no output cache).</summary>
    public static void MapPasswordReset(this RouteGroupBuilder admin)
    {
        admin.MapGet("/mot-de-passe-oublie", RequestFormAsync);
        admin.MapPost("/mot-de-passe-oublie", RequestAsync).RequireRateLimiting(AdminEndpoints.SignInRateLimitPolicy);
        Page.Map(admin, "/nouveau-mot-de-passe", ResetAsync);
    }

    private static Task<IResult> RequestFormAsync(HttpContext http, AdminViews views, TenantContext tenant) =>
        tenant.Current is null ? Task.FromResult(Results.NotFound()) : RenderRequestAsync(http, views, email: null, emailError: null, sent: false);

    private static async Task<IResult> RequestAsync(
        HttpContext http,
        AdminViews views,
        TenantContext tenant,
        JobQueue jobs,
        TimeProvider clock)
    {
        if (await FormPosts.RefusalAsync(http, tenant) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var email = form["email"].ToString().Trim();
        if (email.Length == 0)
        {
            return await RenderRequestAsync(http, views, email, CoreText.Get("SignInEmailRequired"), sent: false);
        }

        // Only a job is queued here, for every address: the look-up and the mail happen later, so that the answer
        // takes as long for an address with an account as for one without.
        await PasswordResetMail.EnqueueAsync(jobs, tenant.Tenant, email, clock.GetUtcNow(), http.RequestAborted);

        // The same answer for every address: nothing tells which ones have an account.
        return await RenderRequestAsync(http, views, email: null, emailError: null, sent: true);
    }

    private static Task<IResult> ResetAsync(
        HttpContext http,
        AdminViews views,
        TenantContext tenant,
        IAntiforgery antiforgery,
        UserManager<IdentityUser> users) =>
        TokenLinkPage.PostAsync(http, tenant, form => SetPasswordAsync(http, views, users, form));

    /// <summary>
    /// Unlike an invitation, the password is checked first, the policy is not applied (Identity's own rules are), the
    /// account must exist and not be disabled, and its password is replaced through Identity's reset token.
    /// </summary>
    private static async Task<IResult> SetPasswordAsync(HttpContext http, AdminViews views, UserManager<IdentityUser> users, NewPasswordForm form)
    {
        var (email, token, password, _) = form;
        var errors = form.Check(policy: null);

        if (errors.Count == 0)
        {
            var user = await form.UserAsync(users);
            // A disabled account takes no new password: only an administrator enables it again.
            if (user is null || Users.UserStates.IsDisabled(user.LockoutEnd))
            {
                errors.Add(InvalidLink(http));
            }
            else
            {
                var result = await users.ResetPasswordAsync(user, token, password);
                if (result.Succeeded)
                {
                    // A lockout left by an older release (wrong passwords used to lock the account) ends with the new password.
                    await users.SetLockoutEndDateAsync(user, null);
                    return Page.Done(http);
                }

                errors.AddRange(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)
                    ? InvalidLink(http)
                    : new ErrorLinkView(e.Description, "#password")));
            }
        }

        return await Page.RenderAsync(http, views, email, token, errors);
    }

    private static ErrorLinkView InvalidLink(HttpContext http) =>
        new(CoreText.Get("PasswordResetInvalidLink"), (http.Request.PathBase + RequestPath).ToString());

    private static Task<IResult> RenderRequestAsync(HttpContext http, AdminViews views, string? email, string? emailError, bool sent)
    {
        var errors = emailError is null ? new List<ErrorLinkView>() : [new ErrorLinkView(emailError, "#email")];
        return views.RenderViewAsync(http, "AdminForgotPassword", CoreText.Get("ForgotPasswordTitle"), new ForgotPasswordView(
            errors,
            email,
            emailError,
            sent,
            (http.Request.PathBase + RequestPath).ToString(),
            (http.Request.PathBase + TenantAuthentication.SignInPath).ToString()));
    }
}

/// <summary>Asking for a password reset link (AdminForgotPassword.liquid).</summary>
public sealed record ForgotPasswordView(
    IReadOnlyList<ErrorLinkView> Errors,
    string? Email,
    string? EmailError,
    bool Sent,
    string FormAction,
    string SignInUrl) : IAdminPageView;
