namespace Municipal.Admin.Users;

/// <summary>Where an account stands, as the users' list shows it.</summary>
public enum UserState
{
    Active,

    /// <summary>Invited, no password chosen yet.</summary>
    InvitationPending,

    /// <summary>Too many failed sign-ins: locked for a while.</summary>
    Locked,

    /// <summary>Disabled by an administrator (locked until the end of time).</summary>
    Disabled,
}

/// <summary>Account states and role names in French.</summary>
public static class UserStates
{
    /// <summary>The lockout end of a disabled account: far beyond any temporary lockout.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year >= 9999;

    public static UserState Of(IdentityUser user, DateTimeOffset now) =>
        IsDisabled(user.LockoutEnd) ? UserState.Disabled
        : user.PasswordHash is null ? UserState.InvitationPending
        : user.LockoutEnd is { } end && end > now ? UserState.Locked
        : UserState.Active;

    public static string Label(UserState state) => CoreText.Get("UsersState" + state);

    /// <summary>"Administrateur·rice", "Éditeur·rice"... (the role's own name when unknown).</summary>
    public static string RoleLabel(string role)
    {
        var key = "UsersRole" + role;
        var label = CoreText.Get(key);
        return label == key ? role : label;
    }

    /// <summary>What a role may do, as the invitation form's hint says it.</summary>
    public static string RoleHint(string role) => CoreText.Get("UsersRoleHint" + role);

    public static bool IsKnownRole(string role) => TenantRoles.All.Contains(role, StringComparer.Ordinal);
}
