namespace Municipal.Core.Security;

/// <summary>
/// The names the core's authorization needs of the back office's tenant cookie (the cookie itself is the back
/// office's <c>TenantAuthentication</c>): its scheme and the claim naming the tenant the cookie was issued for.
/// </summary>
public static class TenantAuthenticationNames
{
    public const string Scheme = "Municipal.Admin";
    public const string TenantClaim = "tenant";
}
