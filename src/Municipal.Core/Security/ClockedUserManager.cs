namespace Municipal.Core.Security;

/// <summary>
/// Identity's user manager with the lockout on the application's <see cref="TimeProvider"/>: the stock
/// <see cref="UserManager{TUser}"/> reads the machine's clock (DateTimeOffset.UtcNow) both when it sets a lockout's
/// end and when it checks it, and has no TimeProvider option, so the end of a lockout could not be tested nor follow
/// the one clock every other limit of the product reads.
/// </summary>
public sealed class ClockedUserManager(
    IUserStore<IdentityUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<IdentityUser> passwordHasher,
    IEnumerable<IUserValidator<IdentityUser>> userValidators,
    IEnumerable<IPasswordValidator<IdentityUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<IdentityUser>> logger,
    TimeProvider clock)
    : UserManager<IdentityUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await GetLockoutEnabledAsync(user))
        {
            return false;
        }

        return await GetLockoutEndDateAsync(user) is { } end && end >= clock.GetUtcNow();
    }

    /// <summary>As Identity's: counts a failure and, at the limit, locks for <c>DefaultLockoutTimeSpan</c> from now (the application's now).</summary>
    public override async Task<IdentityResult> AccessFailedAsync(IdentityUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        var lockouts = Store as IUserLockoutStore<IdentityUser> ?? throw new NotSupportedException("The user store does not support lockout.");
        var count = await lockouts.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockouts.SetLockoutEndDateAsync(user, clock.GetUtcNow() + Options.Lockout.DefaultLockoutTimeSpan, CancellationToken);
            await lockouts.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }
}
