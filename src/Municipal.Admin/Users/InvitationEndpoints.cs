using MimeKit;

namespace Municipal.Admin.Users;

/// <summary>
/// The invitee's side of an invitation: the mailed link opens a form where they choose their password; the
/// link is valid seven days and once. Then they sign in like everyone (with two-factor later, if they wish).
/// </summary>
public static class InvitationEndpoints
{
    public const string Path = "/admin/invitation";
    public const string DoneParameter = "invitation";

    private static readonly TokenLinkPage Page = new(Path, "AdminUsersInvitation", "UsersInvitationTitle", DoneParameter);

    public static void MapInvitation(this RouteGroupBuilder admin) => Page.Map(admin, "/invitation", AcceptAsync);

    /// <summary>Mails the invitation link to <paramref name="user"/> (a durable job, like the password reset's mail).</summary>
    public static async Task SendAsync(HttpContext http, TenantUsers tenantUsers, MailOutbox outbox, Tenant tenant, IdentityUser user, string role)
    {
        var address = user.Email ?? throw new InvalidOperationException("An invited account always has an e-mail address.");
        var token = await tenantUsers.NewInvitationTokenAsync(user);
        var link = Page.Link(TenantUrls.Root(http, tenant), address, token);
        var message = new MimeMessage { Subject = CoreText.Format("UsersInvitationMailSubject", tenant.DisplayName) };
        message.To.Add(MailboxAddress.Parse(address));
        message.Body = new TextPart("plain") { Text = CoreText.Format("UsersInvitationMailBody", tenant.DisplayName, UserStates.RoleLabel(role), link) };
        await outbox.EnqueueAsync(tenant, message, http.RequestAborted);
    }

    private static Task<IResult> AcceptAsync(
        HttpContext http,
        AdminViews views,
        TenantContext tenant,
        IAntiforgery antiforgery,
        UserManager<IdentityUser> users,
        PasswordPolicy policy) =>
        TokenLinkPage.PostAsync(http, tenant, form => AddPasswordAsync(http, views, users, policy, form));

    /// <summary>
    /// Unlike a password reset, the link is checked first (an unusable one shows only its error), the account must
    /// have no password yet, the password policy applies, and setting the password confirms the address.
    /// </summary>
    private static async Task<IResult> AddPasswordAsync(HttpContext http, AdminViews views, UserManager<IdentityUser> users, PasswordPolicy policy, NewPasswordForm form)
    {
        var (email, token, password, _) = form;
        var user = await form.UserAsync(users);
        // A used link: the stamp changed and the account has its password.
        if (user is null || user.PasswordHash is not null
            || !await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token))
        {
            List<ErrorLinkView> linkError = [new ErrorLinkView(CoreText.Get("UsersInvitationInvalidLink"), (http.Request.PathBase + TenantAuthentication.SignInPath).ToString())];
            return await Page.RenderAsync(http, views, email, token, linkError, invalid: true);
        }

        var errors = form.Check(policy);
        if (errors.Count == 0)
        {
            var result = await users.AddPasswordAsync(user, password);
            if (result.Succeeded)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
                return Page.Done(http);
            }

            errors.AddRange(result.Errors.Select(e => new ErrorLinkView(e.Description, "#password")));
        }

        return await Page.RenderAsync(http, views, email, token, errors);
    }
}
