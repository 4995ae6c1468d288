using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Municipal.Core.Tenancy;

namespace Municipal.Core.Admin.Users;

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
    TenantContext tenant)
    : DataProtectorTokenProvider<IdentityUser>(dataProtection, options, logger)
{
    public const string ProviderName = "MunicipalInvitation";
    public const string Purpose = "Invitation";

    public override Task<string> GenerateAsync(string purpose, UserManager<IdentityUser> manager, IdentityUser user) =>
        base.GenerateAsync(Bind(purpose), manager, user);

    public override Task<bool> ValidateAsync(string purpose, string token, UserManager<IdentityUser> manager, IdentityUser user) =>
        tenant.Current is null ? Task.FromResult(false) : base.ValidateAsync(Bind(purpose), token, manager, user);

    private string Bind(string purpose) => "tenant:" + tenant.Tenant.Name + ":" + purpose;
}
