using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using MimeKit;
using Municipal.Core.Mail;
using Municipal.Core.Resources;
using Municipal.Core.Security;
using Municipal.Core.Tenancy;

namespace Municipal.Core.Admin.Users;

/// <summary>
/// The invitee's side of an invitation: the mailed link opens a form where they choose their password; the
/// link is valid seven days and once. Then they sign in like everyone (with two-factor later, if they wish).
/// </summary>
public static class InvitationEndpoints
{
    public const string Path = "/admin/invitation";
    public const string DoneParameter = "invitation";

    public static void MapInvitation(this RouteGroupBuilder admin)
    {
        admin.MapGet("/invitation", FormAsync);
        admin.MapPost("/invitation", AcceptAsync).RequireRateLimiting(AdminEndpoints.SignInRateLimitPolicy);
    }

    /// <summary>Mails the invitation link to <paramref name="user"/> (a durable job, like the password reset's mail).</summary>
    public static async Task SendAsync(HttpContext http, TenantUsers tenantUsers, MailOutbox outbox, Tenant tenant, IdentityUser user, string role)
    {
        var address = user.Email ?? throw new InvalidOperationException("An invited account always has an e-mail address.");
        var token = await tenantUsers.NewInvitationTokenAsync(user);
        var link = $"{TenantUrls.Root(http, tenant)}{Path}"
            + $"?email={Uri.EscapeDataString(address)}&jeton={Uri.EscapeDataString(token)}";
        var message = new MimeMessage { Subject = CoreText.Format("UsersInvitationMailSubject", tenant.DisplayName) };
        message.To.Add(MailboxAddress.Parse(address));
        message.Body = new TextPart("plain") { Text = CoreText.Format("UsersInvitationMailBody", tenant.DisplayName, UserStates.RoleLabel(role), link) };
        await outbox.EnqueueAsync(tenant, message, http.RequestAborted);
    }

    private static Task<IResult> FormAsync(HttpContext http, AdminViews views, TenantContext tenant) =>
        tenant.Current is null
            ? Task.FromResult(Results.NotFound())
            : RenderAsync(http, views, http.Request.Query["email"].ToString(), http.Request.Query["jeton"].ToString(), []);

    private static async Task<IResult> AcceptAsync(
        HttpContext http,
        AdminViews views,
        TenantContext tenant,
        IAntiforgery antiforgery,
        UserManager<IdentityUser> users,
        PasswordPolicy policy)
    {
        if (tenant.Current is null)
        {
            return Results.NotFound();
        }

        if (await FormPosts.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        var form = await NewPasswordForm.ReadAsync(http.Request);
        var (email, token, password, _) = form;
        var user = email.Length == 0 || token.Length == 0 ? null : await users.FindByEmailAsync(email);
        // A used link: the stamp changed and the account has its password.
        if (user is null || user.PasswordHash is not null
            || !await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token))
        {
            List<ErrorLinkView> linkError = [new ErrorLinkView(CoreText.Get("UsersInvitationInvalidLink"), (http.Request.PathBase + TenantAuthentication.SignInPath).ToString())];
            return await RenderAsync(http, views, email, token, linkError, invalid: true);
        }

        var errors = form.Check(policy);
        if (errors.Count == 0)
        {
            var result = await users.AddPasswordAsync(user, password);
            if (result.Succeeded)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
                return Results.Redirect($"{http.Request.PathBase}{TenantAuthentication.SignInPath}?{DoneParameter}=1");
            }

            errors.AddRange(result.Errors.Select(e => new ErrorLinkView(e.Description, "#password")));
        }

        return await RenderAsync(http, views, email, token, errors);
    }

    private static Task<IResult> RenderAsync(HttpContext http, AdminViews views, string email, string token, List<ErrorLinkView> errors, bool invalid = false) =>
        views.RenderAsync(http, "AdminUsersInvitation", CoreText.Get("UsersInvitationTitle"), new Dictionary<string, object?>
        {
            ["errors"] = errors,
            ["email"] = email,
            ["token"] = token,
            ["invalid"] = invalid,
            ["password_error"] = errors.FirstOrDefault(e => e.Href == "#password")?.Text,
            ["confirmation_error"] = errors.FirstOrDefault(e => e.Href == "#confirmation")?.Text,
            ["form_action"] = (http.Request.PathBase + Path).ToString(),
        });
}
