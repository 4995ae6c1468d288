using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

    /// <summary>Its table, the same in the host's database (operators) and in each tenant's (administrators).</summary>
    public static void Configure(EntityTypeBuilder<SignInThrottleRecord> throttle)
    {
        throttle.ToTable("SignInThrottles");
        throttle.HasIndex(t => t.UpdatedUtc);
    }
}
