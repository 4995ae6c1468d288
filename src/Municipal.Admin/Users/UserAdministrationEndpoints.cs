using System.Net.Mail;

namespace Municipal.Admin.Users;

/// <summary>
/// /admin/utilisateurs, for administrators: the list of the tenant's users, invitations, a user's page where their
/// roles change and where they are disabled, enabled or deleted.
/// </summary>
public static class UserAdministrationEndpoints
{
    public static void MapUserAdministration(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminArea("/utilisateurs").RequirePermission(AdminPermissions.ManageUsers);
        group.MapGet("/", ListAsync);
        group.MapGet("/inviter", InviteFormAsync);
        group.MapPost("/inviter", InviteAsync);
        group.MapGet("/{id}", DetailAsync);
        group.MapPost("/{id}/roles", ChangeRolesAsync);
        group.MapPost("/{id}/desactiver", DisableAsync);
        group.MapPost("/{id}/activer", EnableAsync);
        group.MapPost("/{id}/renvoyer", ResendAsync);
        group.MapPost("/{id}/deux-etapes", ResetTwoFactorAsync);
        group.MapGet("/{id}/supprimer", DeleteFormAsync);
        group.MapPost("/{id}/supprimer", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, AdminViews views, TenantUsers users)
    {
        var all = await users.ListAsync(http.RequestAborted);
        var me = CurrentUserId(http);
        return await views.RenderViewAsync(http, "AdminUsersList", CoreText.Get("UsersTitle"), new UsersListView(
            [],
            all.Select(u => UserViews.Row(http, u, me)).ToList(),
            AdminArea.Url(http, UserViews.InvitePath),
            UserViews.Notice(http)));
    }

    private static Task<IResult> InviteFormAsync(HttpContext http, AdminViews views) =>
        RenderInviteAsync(http, views, email: null, role: null, []);

    private static async Task<IResult> InviteAsync(HttpContext http, AdminViews views, TenantUsers users, MailOutbox outbox, TenantContext tenant)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var email = form["email"].ToString().Trim();
        var role = form["role"].ToString();
        var errors = new List<ErrorLinkView>();
        if (email.Length == 0)
        {
            errors.Add(new ErrorLinkView(CoreText.Get("UsersInviteEmailRequired"), "#email"));
        }
        else if (!IsEmailAddress(email))
        {
            errors.Add(new ErrorLinkView(CoreText.Get("UsersInviteEmailInvalid"), "#email"));
        }

        if (!UserStates.IsKnownRole(role))
        {
            errors.Add(new ErrorLinkView(CoreText.Get("UsersInviteRoleRequired"), "#role-" + TenantRoles.All[0].ToLowerInvariant()));
        }

        if (errors.Count == 0)
        {
            var (user, error) = await users.InviteAsync(email, role, http.RequestAborted);
            if (user is not null)
            {
                await InvitationEndpoints.SendAsync(http, users, outbox, tenant.Tenant, user, role);
                return Results.Redirect(AdminArea.Url(http, UserViews.ListPath) + "?" + UserViews.DoneParameter + "=invitation");
            }

            errors.Add(new ErrorLinkView(error!, "#email"));
        }

        return await RenderInviteAsync(http, views, email, role, errors);
    }

    private static async Task<IResult> DetailAsync(string id, HttpContext http, AdminViews views, TenantUsers users) =>
        await users.FindAsync(id, http.RequestAborted) is { } user
            ? await RenderDetailAsync(http, views, user, [])
            : UserViews.NotFound("UsersNotFound");

    private static async Task<IResult> ChangeRolesAsync(string id, HttpContext http, AdminViews views, TenantUsers users)
    {
        if (await users.FindAsync(id, http.RequestAborted) is not { } user)
        {
            return UserViews.NotFound("UsersNotFound");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var roles = form["roles"].Where(r => r is not null && UserStates.IsKnownRole(r)).Select(r => r!).Distinct().ToList();
        var refusal = await users.ChangeRolesAsync(CurrentUserId(http), user, roles, http.RequestAborted);
        if (refusal is not null)
        {
            var field = "#roles-" + TenantRoles.All[0].ToLowerInvariant();
            return await RenderDetailAsync(http, views, user, [new ErrorLinkView(refusal, field)], roles, StatusCodes.Status400BadRequest);
        }

        return await DoneAsync(http, users, user, "roles");
    }

    private static Task<IResult> DisableAsync(string id, HttpContext http, AdminViews views, TenantUsers users) =>
        ActAsync(id, http, views, users, "desactivation", (user, ct) => users.DisableAsync(CurrentUserId(http), user, ct));

    private static Task<IResult> EnableAsync(string id, HttpContext http, AdminViews views, TenantUsers users) =>
        ActAsync(id, http, views, users, "activation", async (user, ct) =>
        {
            await users.EnableAsync(user, ct);
            return null;
        });

    private static Task<IResult> ResetTwoFactorAsync(string id, HttpContext http, AdminViews views, TenantUsers users) =>
        ActAsync(id, http, views, users, "deux-etapes", async (user, ct) =>
        {
            await users.ResetTwoFactorAsync(user, ct);
            return null;
        });

    private static async Task<IResult> ResendAsync(string id, HttpContext http, AdminViews views, TenantUsers users, MailOutbox outbox, TenantContext tenant)
    {
        if (await users.FindAsync(id, http.RequestAborted) is not { } user)
        {
            return UserViews.NotFound("UsersNotFound");
        }

        if (user.State != UserState.InvitationPending)
        {
            return await RenderDetailAsync(http, views, user, [new ErrorLinkView(CoreText.Get("UsersResendNotPending"), "#actions")], statusCode: StatusCodes.Status409Conflict);
        }

        await InvitationEndpoints.SendAsync(http, users, outbox, tenant.Tenant, user.User, (user.Roles.Count > 0 ? user.Roles[0] : TenantRoles.Author));
        return Results.Redirect(AdminArea.Url(http, UserViews.Detail(user.User.Id)) + "?" + UserViews.DoneParameter + "=renvoi");
    }

    private static async Task<IResult> DeleteFormAsync(string id, HttpContext http, AdminViews views, TenantUsers users)
    {
        if (await users.FindAsync(id, http.RequestAborted) is not { } user)
        {
            return UserViews.NotFound("UsersNotFound");
        }

        var email = user.User.Email ?? user.User.Id;
        return await views.RenderViewAsync(http, "AdminUsersDelete", CoreText.Format("UsersDeleteTitle", email), new UserDeleteView(
            [],
            CoreText.Format("UsersDeleteWarning", email),
            AdminArea.Url(http, UserViews.Detail(user.User.Id) + "/supprimer"),
            AdminArea.Url(http, UserViews.Detail(user.User.Id))));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, AdminViews views, TenantUsers users)
    {
        if (await users.FindAsync(id, http.RequestAborted) is not { } user)
        {
            return UserViews.NotFound("UsersNotFound");
        }

        if (await users.DeleteAsync(CurrentUserId(http), user, http.RequestAborted) is { } refusal)
        {
            return await RenderDetailAsync(http, views, user, [new ErrorLinkView(refusal, "#actions")], statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Redirect(AdminArea.Url(http, UserViews.ListPath) + "?" + UserViews.DoneParameter + "=suppression");
    }

    /// <summary>One of the user page's buttons: a refusal shows on the page (409), success comes back with a notice.</summary>
    private static async Task<IResult> ActAsync(
        string id,
        HttpContext http,
        AdminViews views,
        TenantUsers users,
        string notice,
        Func<TenantUser, CancellationToken, Task<string?>> action)
    {
        if (await users.FindAsync(id, http.RequestAborted) is not { } user)
        {
            return UserViews.NotFound("UsersNotFound");
        }

        if (await action(user, http.RequestAborted) is { } refusal)
        {
            return await RenderDetailAsync(http, views, user, [new ErrorLinkView(refusal, "#actions")], statusCode: StatusCodes.Status409Conflict);
        }

        return await DoneAsync(http, users, user, notice);
    }

    /// <summary>Back to the user's page; when the administrator changed their own account, with a fresh cookie.</summary>
    private static async Task<IResult> DoneAsync(HttpContext http, TenantUsers users, TenantUser user, string notice)
    {
        if (string.Equals(user.User.Id, CurrentUserId(http), StringComparison.Ordinal) && await users.FindAsync(user.User.Id, http.RequestAborted) is { } fresh)
        {
            await AdminSignIn.RefreshAsync(http, fresh.User);
        }

        return Results.Redirect(AdminArea.Url(http, UserViews.Detail(user.User.Id)) + "?" + UserViews.DoneParameter + "=" + notice);
    }

    private static Task<IResult> RenderInviteAsync(HttpContext http, AdminViews views, string? email, string? role, List<ErrorLinkView> errors) =>
        views.RenderViewAsync(http, "AdminUsersInvite", CoreText.Get("UsersInviteTitle"), new UserInviteView(
            errors,
            email,
            errors.FirstOrDefault(e => e.Href == "#email")?.Text,
            errors.FirstOrDefault(e => e.Href.StartsWith("#role-", StringComparison.Ordinal))?.Text,
            UserViews.RoleOptions("role", role is null ? [] : [role]),
            AdminArea.Url(http, UserViews.InvitePath),
            AdminArea.Url(http, UserViews.ListPath)),
        errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static Task<IResult> RenderDetailAsync(
        HttpContext http,
        AdminViews views,
        TenantUser user,
        List<ErrorLinkView> errors,
        IReadOnlyList<string>? roles = null,
        int statusCode = StatusCodes.Status200OK)
    {
        var email = user.User.Email ?? user.User.Id;
        var basePath = UserViews.Detail(user.User.Id);
        return views.RenderViewAsync(http, "AdminUsersDetail", email, new UserDetailView(
            errors,
            Notice: errors.Count == 0 ? UserViews.Notice(http) : null,
            Email: email,
            State: UserStates.Label(user.State),
            RoleList: UserViews.RoleList(user.Roles),
            TwoFactor: user.User.TwoFactorEnabled,
            TwoFactorLabel: CoreText.Get(user.User.TwoFactorEnabled ? "UsersTwoFactorOn" : "UsersTwoFactorOff"),
            RolesError: errors.FirstOrDefault(e => e.Href.StartsWith("#roles-", StringComparison.Ordinal))?.Text,
            Roles: UserViews.RoleOptions("roles", roles ?? user.Roles),
            Pending: user.State == UserState.InvitationPending,
            Disabled: user.State == UserState.Disabled,
            Self: string.Equals(user.User.Id, CurrentUserId(http), StringComparison.Ordinal),
            RolesAction: AdminArea.Url(http, basePath + "/roles"),
            DisableAction: AdminArea.Url(http, basePath + "/desactiver"),
            EnableAction: AdminArea.Url(http, basePath + "/activer"),
            ResendAction: AdminArea.Url(http, basePath + "/renvoyer"),
            TwoFactorAction: AdminArea.Url(http, basePath + "/deux-etapes"),
            DeleteUrl: AdminArea.Url(http, basePath + "/supprimer"),
            JournalUrl: AdminArea.Url(http, Audit.AuditLogEndpoints.Path) + "?objet=" + Uri.EscapeDataString(user.User.Id),
            ListUrl: AdminArea.Url(http, UserViews.ListPath)),
        statusCode);
    }

    private static string CurrentUserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private static bool IsEmailAddress(string value) =>
        MailAddress.TryCreate(value, out var address) && string.Equals(address.Address, value, StringComparison.OrdinalIgnoreCase) && value.Contains('.', StringComparison.Ordinal);
}

/// <summary>The list of the site's users (AdminUsersList.liquid).</summary>
public sealed record UsersListView(IReadOnlyList<ErrorLinkView> Errors, IReadOnlyList<UserRowView> Users, string InviteUrl, string? Notice) : IAdminPageView;

/// <summary>Confirming a user's deletion (AdminUsersDelete.liquid).</summary>
public sealed record UserDeleteView(IReadOnlyList<ErrorLinkView> Errors, string Warning, string FormAction, string CancelUrl) : IAdminPageView;

/// <summary>Inviting a user (AdminUsersInvite.liquid).</summary>
public sealed record UserInviteView(
    IReadOnlyList<ErrorLinkView> Errors,
    string? Email,
    string? EmailError,
    string? RoleError,
    IReadOnlyList<RoleOptionView> Roles,
    string FormAction,
    string CancelUrl) : IAdminPageView;

/// <summary>A user's page (AdminUsersDetail.liquid): roles, state, two-step verification, actions.</summary>
public sealed record UserDetailView(
    IReadOnlyList<ErrorLinkView> Errors,
    string? Notice,
    string Email,
    string State,
    string RoleList,
    bool TwoFactor,
    string TwoFactorLabel,
    string? RolesError,
    IReadOnlyList<RoleOptionView> Roles,
    bool Pending,
    bool Disabled,
    bool Self,
    string RolesAction,
    string DisableAction,
    string EnableAction,
    string ResendAction,
    string TwoFactorAction,
    string DeleteUrl,
    string JournalUrl,
    string ListUrl) : IAdminPageView;
