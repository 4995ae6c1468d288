using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace Municipal.Admin.Users;

/// <summary>The lifetime of invitation links: a week, longer than a password reset's day.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = "Municipal.Invitation";
        TokenLifespan = TimeSpan.FromDays(7);
    }
}

/// <summary>
/// Invitation tokens: bound to the tenant like the password reset's, valid seven days, and single use because
/// they carry the security stamp, which changes when the invitee sets their password (or a new link is sent).
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtection,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<IdentityUser>> logger,
    TenantContext tenant,
    TimeProvider clock)
    : TenantBoundTokenProvider(dataProtection, options, logger, tenant, clock)
{
    public const string ProviderName = "MunicipalInvitation";
    public const string Purpose = "Invitation";
}
