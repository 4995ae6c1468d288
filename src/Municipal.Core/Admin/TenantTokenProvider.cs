using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Municipal.Core.Tenancy;

namespace Municipal.Core.Admin;

/// <summary>
/// Identity's data-protection tokens (password reset), bound to the tenant: the token's purpose names the tenant,
/// so a link issued by one municipality is refused by every other.
/// </summary>
public sealed class TenantTokenProvider(
    IDataProtectionProvider dataProtection,
    IOptions<DataProtectionTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<IdentityUser>> logger,
    TenantContext tenant)
    : DataProtectorTokenProvider<IdentityUser>(dataProtection, options, logger)
{
    public override Task<string> GenerateAsync(string purpose, UserManager<IdentityUser> manager, IdentityUser user) =>
        base.GenerateAsync(Bind(purpose), manager, user);

    public override Task<bool> ValidateAsync(string purpose, string token, UserManager<IdentityUser> manager, IdentityUser user) =>
        tenant.Current is null ? Task.FromResult(false) : base.ValidateAsync(Bind(purpose), token, manager, user);

    private string Bind(string purpose) => "tenant:" + tenant.Tenant.Name + ":" + purpose;
}
