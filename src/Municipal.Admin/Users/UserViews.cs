namespace Municipal.Admin.Users;

/// <summary>A row of the users' table.</summary>
public sealed record UserRowView(string Email, string Url, string Roles, string State, string StateClass, string TwoFactor, bool Self);

/// <summary>A role as a radio button or checkbox, with what it may do.</summary>
public sealed record RoleOptionView(string Value, string Id, string Label, string Hint, bool Checked);

/// <summary>The addresses of the users' administration and the view-models of its pages.</summary>
public static class UserViews
{
    public const string ListPath = "/admin/utilisateurs";
    public const string InvitePath = "/admin/utilisateurs/inviter";
    public const string DoneParameter = "fait";

    public static string Detail(string id) => $"{ListPath}/{Uri.EscapeDataString(id)}";

    /// <summary>The confirmations a redirect may ask the next page to show ("?fait=roles").</summary>
    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["invitation"] = "UsersNoticeInvited",
        ["renvoi"] = "UsersNoticeResent",
        ["roles"] = "UsersNoticeRoles",
        ["desactivation"] = "UsersNoticeDisabled",
        ["activation"] = "UsersNoticeEnabled",
        ["suppression"] = "UsersNoticeDeleted",
        ["deux-etapes"] = "UsersNoticeTwoFactorReset",
    };

    public static string? Notice(HttpContext http) =>
        Notices.TryGetValue(http.Request.Query[DoneParameter].ToString(), out var key) ? CoreText.Get(key) : null;

    public static UserRowView Row(HttpContext http, TenantUser user, string? currentUserId) => new(
        user.User.Email ?? user.User.UserName ?? user.User.Id,
        AdminArea.Url(http, Detail(user.User.Id)),
        RoleList(user.Roles),
        UserStates.Label(user.State),
        StateClass(user.State),
        CoreText.Get(user.User.TwoFactorEnabled ? "UsersTwoFactorOn" : "UsersTwoFactorOff"),
        string.Equals(user.User.Id, currentUserId, StringComparison.Ordinal));

    public static string RoleList(IReadOnlyList<string> roles) =>
        roles.Count == 0 ? CoreText.Get("UsersNoRole") : string.Join(", ", roles.Select(UserStates.RoleLabel));

    /// <summary>The roles of the tenant, each with its hint; <paramref name="selected"/> ticked.</summary>
    public static List<RoleOptionView> RoleOptions(string idPrefix, IEnumerable<string> selected) =>
        TenantRoles.All
            .Select(r => new RoleOptionView(r, idPrefix + "-" + r.ToLowerInvariant(), UserStates.RoleLabel(r), UserStates.RoleHint(r), selected.Contains(r, StringComparer.Ordinal)))
            .ToList();

    /// <summary>A French 404 page (an unknown or deleted user, a journal page past the last).</summary>
    public static IResult NotFound(string bodyKey) => new FrenchStatusResult(StatusCodes.Status404NotFound, "NotFoundTitle", bodyKey);

    private sealed class FrenchStatusResult(int statusCode, string titleKey, string bodyKey) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Municipal.Core.Tenancy.StatusPages.WriteAsync(httpContext, statusCode, titleKey, bodyKey);
    }

    private static string StateClass(UserState state) => state switch
    {
        UserState.Active => "status-tag status-tag-active",
        UserState.InvitationPending => "status-tag status-tag-pending",
        _ => "status-tag status-tag-blocked",
    };
}
