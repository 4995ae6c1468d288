using Microsoft.AspNetCore.Http;

namespace Municipal.Core.Tenancy;

/// <summary>Absolute links to put in mails.</summary>
public static class SiteLinks
{
    /// <summary>
    /// Scheme, host and path base of a mailed link: the request's when its host is one of the tenant's, else the
    /// tenant's first host (without prefix), so that a forged Host header cannot point the link elsewhere. A tenant
    /// known by its path prefix only has no host of its own: the request's is used (restrict AllowedHosts in production).
    /// </summary>
    public static string Root(HttpContext http, Tenant tenant)
    {
        var requested = TenantNames.NormalizeHost(http.Request.Host.Host ?? string.Empty);
        var root = tenant.Hosts.Count == 0 || tenant.Hosts.Any(h => string.Equals(TenantNames.NormalizeHost(h), requested, StringComparison.Ordinal))
            ? http.Request.Host.ToUriComponent() + http.Request.PathBase.ToUriComponent()
            : tenant.Hosts[0];
        return http.Request.Scheme + "://" + root;
    }
}
