namespace Municipal.Core.Storage;

/// <summary>
/// An account of the regional operator, in the host database (never in a tenant's): it signs in at /host.
/// The password hash is ASP.NET Core Identity's; lockout follows the same rules as tenants' administrators.
/// </summary>
public sealed class OperatorRecord
{
    public long Id { get; set; }

    public required string Email { get; set; }

    /// <summary>Upper-case invariant form of <see cref="Email"/>, unique.</summary>
    public required string NormalizedEmail { get; set; }

    public required string PasswordHash { get; set; }

    public int AccessFailedCount { get; set; }

    public DateTimeOffset? LockoutEndUtc { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>
    /// Named in the operator's cookie and renewed at sign-out: a cookie whose stamp is not this one is refused, so a
    /// copy of the cookie is worthless once its session ended. Null until the first sign-in.
    /// </summary>
    public string? SessionStamp { get; set; }
}
