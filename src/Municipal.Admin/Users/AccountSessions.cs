using Municipal.Admin.Sessions;

namespace Municipal.Admin.Users;

/// <summary>One open session as the account page lists it.</summary>
public sealed record AccountSessionView(string Started, string LastSeen, string Client, bool Current, string Handle, string CloseLabel);

/// <summary>
/// The sessions part of /admin/compte: the user's open sessions (started, last activity, browser and network), each
/// with "Fermer cette session", and "Se déconnecter partout", for a forgotten shared computer or a lost device.
/// </summary>
public static class AccountSessions
{
    public const string ClosePath = AccountEndpoints.Path + "/sessions/fermer";
    public const string CloseAllPath = AccountEndpoints.Path + "/sessions/fermer-tout";
    public const string ClosedNotice = "session-fermee";

    public static void MapAccountSessions(this RouteGroupBuilder account)
    {
        account.MapPost("/sessions/fermer", CloseAsync);
        account.MapPost("/sessions/fermer-tout", CloseAllAsync);
    }

    /// <summary>The account page's view with its sessions part filled in.</summary>
    public static async Task<AccountView> WithSessionsAsync(HttpContext http, UserManager<IdentityUser> users, IdentityUser user, AccountView view)
    {
        var sessions = http.RequestServices.GetRequiredService<AdminSessions>();
        var current = http.User.FindFirstValue(TenantAuthentication.SessionClaim);
        var open = await sessions.OpenOfAsync(user.Id, await users.GetSecurityStampAsync(user), http.RequestAborted);
        var rows = open
            .OrderByDescending(s => string.Equals(s.Id, current, StringComparison.Ordinal))
            .Select(s => new AccountSessionView(
                BrusselsTime.Format(s.CreatedUtc),
                BrusselsTime.Format(s.LastSeenUtc),
                s.Client,
                string.Equals(s.Id, current, StringComparison.Ordinal),
                AdminSessions.Handle(s.Id),
                CoreText.Format("AccountSessionCloseLabel", BrusselsTime.Format(s.CreatedUtc), s.Client)))
            .ToList();
        var lifetime = http.RequestServices.GetRequiredService<IOptions<MunicipalOptions>>().Value.SignIn.AbsoluteLifetime;
        return view with
        {
            Sessions = rows,
            SessionsIntro = CoreText.Format("AccountSessionsIntro", (int)Math.Ceiling(lifetime.TotalHours)),
            SessionCloseAction = AdminArea.Url(http, ClosePath),
            SessionsCloseAllAction = AdminArea.Url(http, CloseAllPath),
        };
    }

    private static async Task<IResult> CloseAsync(HttpContext http, UserManager<IdentityUser> users, AdminSessions sessions, AuditLog audit)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.Forbid();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var closed = await sessions.CloseAsync(user.Id, form["session"].ToString(), http.RequestAborted);
        if (closed is null)
        {
            // Already ended (another tab closed it, or it expired): the list as it is now says so.
            return Results.Redirect(AdminArea.Url(http, AccountEndpoints.Path));
        }

        await audit.RecordAsync(AuditActions.Changed, TenantUsers.AuditObjectType, user.Id, user.Email ?? user.Id, CoreText.Get("AccountAuditSessionClosed"), http.RequestAborted);
        return string.Equals(closed, http.User.FindFirstValue(TenantAuthentication.SessionClaim), StringComparison.Ordinal)
            ? await SignedOutAsync(http)
            : Results.Redirect(AdminArea.Url(http, AccountEndpoints.Path) + "?" + UserViews.DoneParameter + "=" + ClosedNotice);
    }

    private static async Task<IResult> CloseAllAsync(HttpContext http, UserManager<IdentityUser> users, AdminSessions sessions, AuditLog audit)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.Forbid();
        }

        await sessions.CloseAllAsync(user.Id, http.RequestAborted);
        await audit.RecordAsync(AuditActions.Changed, TenantUsers.AuditObjectType, user.Id, user.Email ?? user.Id, CoreText.Get("AccountAuditSessionsClosed"), http.RequestAborted);
        return await SignedOutAsync(http);
    }

    private static async Task<IResult> SignedOutAsync(HttpContext http)
    {
        await http.SignOutAsync(TenantAuthentication.Scheme);
        return Results.Redirect(AdminArea.Url(http, TenantAuthentication.SignInPath));
    }
}
