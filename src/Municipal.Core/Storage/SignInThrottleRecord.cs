namespace Municipal.Core.Storage;

/// <summary>Failed sign-ins of one client for one typed address (see <c>SignInThrottle</c> of the back office).</summary>
public sealed class SignInThrottleRecord
{
    /// <summary>
    /// SHA-256 of the normalised address and the client key: the table tells neither which addresses were tried
    /// (a password typed in the address field would otherwise be kept) nor from where.
    /// </summary>
    public required string Id { get; set; }

    public int Failures { get; set; }

    /// <summary>No attempt of this client for this address is checked before this instant.</summary>
    public DateTimeOffset? NotBeforeUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}
