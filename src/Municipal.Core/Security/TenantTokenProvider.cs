using Microsoft.AspNetCore.DataProtection;

namespace Municipal.Core.Security;

/// <summary>
/// Identity's data-protection tokens, bound to the tenant (the token's purpose names it, so a link issued by one
/// municipality is refused by every other) and dated by the application's <see cref="TimeProvider"/>. Identity's
/// <see cref="DataProtectorTokenProvider{TUser}"/> dates and checks its tokens with the machine's clock and has no
/// TimeProvider option; the payload is the same as its own (creation ticks, user id, purpose, security stamp), so a
/// link mailed before this class existed stays valid for its lifetime.
/// </summary>
public abstract class TenantBoundTokenProvider(
    IDataProtectionProvider dataProtection,
    IOptions<DataProtectionTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<IdentityUser>> logger,
    TenantContext tenant,
    TimeProvider clock)
    : DataProtectorTokenProvider<IdentityUser>(dataProtection, options, logger)
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override async Task<string> GenerateAsync(string purpose, UserManager<IdentityUser> manager, IdentityUser user)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Utf8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(Bind(purpose));
            writer.Write(manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) ?? string.Empty : string.Empty);
        }

        return Convert.ToBase64String(Protector.Protect(stream.ToArray()));
    }

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<IdentityUser> manager, IdentityUser user)
    {
        if (tenant.Current is null)
        {
            return false;
        }

        string userId, boundPurpose, stamp;
        DateTimeOffset created;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(Protector.Unprotect(Convert.FromBase64String(token))), Utf8);
            created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            userId = reader.ReadString();
            boundPurpose = reader.ReadString();
            stamp = reader.ReadString();
            if (reader.PeekChar() != -1)
            {
                return false;
            }
        }
        catch (Exception exception) when (exception is FormatException or System.Security.Cryptography.CryptographicException or IOException or ArgumentException)
        {
            // Forged, truncated, of another key ring or another purpose: not a token of ours.
            return false;
        }

        // Valid up to and including its last instant, as Identity's own check (expiry < now refuses).
        return created + Options.TokenLifespan >= clock.GetUtcNow()
            && userId == await manager.GetUserIdAsync(user)
            && string.Equals(boundPurpose, Bind(purpose), StringComparison.Ordinal)
            && string.Equals(stamp, manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) ?? string.Empty : string.Empty, StringComparison.Ordinal);
    }

    private string Bind(string purpose) => "tenant:" + tenant.Tenant.Name + ":" + purpose;
}

/// <summary>The password reset's tokens (Identity's default provider), bound to the tenant.</summary>
public sealed class TenantTokenProvider(
    IDataProtectionProvider dataProtection,
    IOptions<DataProtectionTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<IdentityUser>> logger,
    TenantContext tenant,
    TimeProvider clock)
    : TenantBoundTokenProvider(dataProtection, options, logger, tenant, clock);
