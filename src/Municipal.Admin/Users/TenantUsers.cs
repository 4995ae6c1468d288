namespace Municipal.Admin.Users;

/// <summary>A user of the tenant with their roles, as the list and the user's page show them.</summary>
public sealed record TenantUser(IdentityUser User, IReadOnlyList<string> Roles, UserState State);

/// <summary>
/// The administration of a tenant's users: invitations, roles, disabling and deleting, with the rules that keep
/// the site administrable (an administrator never demotes, disables or deletes themselves, and the last active
/// administrator stays). Every change renews the user's security stamp, so their open sessions end at their next
/// request (see <see cref="TenantAuthentication.ValidatePrincipalAsync"/>), and is written to the audit log.
/// </summary>
public sealed class TenantUsers(UserManager<IdentityUser> users, TenantDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string AuditObjectType = "User";

    public async Task<IReadOnlyList<TenantUser>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ToListAsync(cancellationToken);
        var roles = await RolesByUserAsync(userId: null, cancellationToken);
        var now = clock.GetUtcNow();
        return all.Select(u => new TenantUser(u, roles.TryGetValue(u.Id, out var r) ? r : [], UserStates.Of(u, now))).ToList();
    }

    public async Task<TenantUser?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesByUserAsync(user.Id, cancellationToken);
        return new TenantUser(user, roles.TryGetValue(user.Id, out var r) ? r : [], UserStates.Of(user, clock.GetUtcNow()));
    }

    /// <summary>Creates an account without password for <paramref name="email"/>; the error is French, for the e-mail field.</summary>
    public async Task<(IdentityUser? User, string? Error)> InviteAsync(string email, string role, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return (null, CoreText.Get("UsersInviteExists"));
        }

        var user = new IdentityUser { UserName = email, Email = email };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return (null, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        Check(await users.AddToRoleAsync(user, role));
        await audit.RecordAsync(AuditActions.Invited, AuditObjectType, user.Id, email, UserStates.RoleLabel(role), cancellationToken);
        return (user, null);
    }

    /// <summary>A new invitation token; earlier links stop working (the stamp changes).</summary>
    public async Task<string> NewInvitationTokenAsync(IdentityUser user)
    {
        Check(await users.UpdateSecurityStampAsync(user));
        return await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
    }

    /// <summary>Sets the roles of <paramref name="target"/>; a French refusal, or null when done.</summary>
    public async Task<string?> ChangeRolesAsync(string actorId, TenantUser target, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        if (roles.Count == 0)
        {
            return CoreText.Get("UsersRolesRequired");
        }

        var losesAdministrator = target.Roles.Contains(TenantRoles.Administrator) && !roles.Contains(TenantRoles.Administrator);
        if (losesAdministrator && await RefusalForAdministratorLossAsync(actorId, target, "UsersSelfDemote", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var removed = target.Roles.Except(roles).ToList();
        var added = roles.Except(target.Roles).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return null;
        }

        Check(await users.RemoveFromRolesAsync(target.User, removed));
        Check(await users.AddToRolesAsync(target.User, added));
        Check(await users.UpdateSecurityStampAsync(target.User));
        await audit.RecordAsync(
            AuditActions.RolesChanged,
            AuditObjectType,
            target.User.Id,
            target.User.Email ?? target.User.Id,
            string.Join(", ", roles.Select(UserStates.RoleLabel)),
            cancellationToken);
        return null;
    }

    public async Task<string?> DisableAsync(string actorId, TenantUser target, CancellationToken cancellationToken)
    {
        if (await RefusalForAdministratorLossAsync(actorId, target, "UsersSelfDisable", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Check(await users.SetLockoutEnabledAsync(target.User, true));
        Check(await users.SetLockoutEndDateAsync(target.User, UserStates.DisabledUntil));
        Check(await users.UpdateSecurityStampAsync(target.User));
        await audit.RecordAsync(AuditActions.Changed, AuditObjectType, target.User.Id, target.User.Email ?? target.User.Id, CoreText.Get("UsersAuditDisabled"), cancellationToken);
        return null;
    }

    public async Task EnableAsync(TenantUser target, CancellationToken cancellationToken)
    {
        Check(await users.SetLockoutEndDateAsync(target.User, null));
        Check(await users.ResetAccessFailedCountAsync(target.User));
        await audit.RecordAsync(AuditActions.Changed, AuditObjectType, target.User.Id, target.User.Email ?? target.User.Id, CoreText.Get("UsersAuditEnabled"), cancellationToken);
    }

    public async Task<string?> DeleteAsync(string actorId, TenantUser target, CancellationToken cancellationToken)
    {
        if (await RefusalForAdministratorLossAsync(actorId, target, "UsersSelfDelete", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Check(await users.DeleteAsync(target.User));
        // Their sessions are already worthless (no user); the rows would otherwise wait for a sign-in that never comes.
        await db.AdminSessions.Where(s => s.UserId == target.User.Id).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.Deleted, AuditObjectType, target.User.Id, target.User.Email ?? target.User.Id, details: null, cancellationToken);
        return null;
    }

    /// <summary>An administrator (or a forgotten two-factor device): turns two-factor off and forgets the key.</summary>
    public async Task ResetTwoFactorAsync(TenantUser target, CancellationToken cancellationToken)
    {
        Check(await users.SetTwoFactorEnabledAsync(target.User, false));
        Check(await users.ResetAuthenticatorKeyAsync(target.User));
        await audit.RecordAsync(AuditActions.Changed, AuditObjectType, target.User.Id, target.User.Email ?? target.User.Id, CoreText.Get("UsersAuditTwoFactorOff"), cancellationToken);
    }

    /// <summary>
    /// Why <paramref name="target"/> may not stop being an active administrator, or null: the last active
    /// administrator stays, and an administrator does not remove their own access.
    /// </summary>
    private async Task<string?> RefusalForAdministratorLossAsync(string actorId, TenantUser target, string selfKey, CancellationToken cancellationToken)
    {
        var isActiveAdministrator = target.Roles.Contains(TenantRoles.Administrator) && target.State is UserState.Active or UserState.Locked;
        if (isActiveAdministrator && await ActiveAdministratorCountAsync(cancellationToken) <= 1)
        {
            return CoreText.Get("UsersLastAdministrator");
        }

        return string.Equals(actorId, target.User.Id, StringComparison.Ordinal) ? CoreText.Get(selfKey) : null;
    }

    /// <summary>Administrators who can sign in: a password chosen, not disabled.</summary>
    private async Task<int> ActiveAdministratorCountAsync(CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeName(TenantRoles.Administrator);
        var administratorIds = from userRole in db.UserRoles
                               join role in db.Roles on userRole.RoleId equals role.Id
                               where role.NormalizedName == normalized
                               select userRole.UserId;
        var lockouts = await db.Users.AsNoTracking()
            .Where(u => administratorIds.Contains(u.Id) && u.PasswordHash != null)
            .Select(u => u.LockoutEnd)
            .ToListAsync(cancellationToken);
        return lockouts.Count(end => !UserStates.IsDisabled(end));
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> RolesByUserAsync(string? userId, CancellationToken cancellationToken)
    {
        var query = from userRole in db.UserRoles
                    join role in db.Roles on userRole.RoleId equals role.Id
                    select new { userRole.UserId, role.Name };
        if (userId is not null)
        {
            query = query.Where(r => r.UserId == userId);
        }

        var rows = await query.AsNoTracking().ToListAsync(cancellationToken);
        // In the order of TenantRoles.All (most rights first), not the database's.
        return rows
            .GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)TenantRoles.All.Where(role => g.Any(r => r.Name == role)).ToList());
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
