using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Municipal.Core.Tenancy;

/// <summary>
/// The one place absolute URLs of a tenant are built (mails, feeds, sitemap, robots.txt). They come from the tenant's
/// canonical address and the host settings, never from the request: a forged Host header or port would otherwise
/// put an attacker's address in a mailed password-reset or invitation link that carries a working token.
/// </summary>
public sealed class TenantUrls(IOptions<MunicipalOptions> options)
{
    /// <summary>
    /// The tenant's canonical address, without trailing "/": <c>Municipal:PublicScheme</c>, then its first host (in
    /// the registry's order) or, for a tenant known by its path prefix only, <c>Municipal:PublicHost</c> and the prefix;
    /// <c>Municipal:PublicPort</c> when set. A host tenant answers at the root of its hosts, so its prefix (if any) is left out.
    /// </summary>
    public string Root(Tenant tenant)
    {
        var settings = options.Value;
        var scheme = settings.PublicScheme;
        var host = tenant.Hosts.Count > 0 ? tenant.Hosts[0] : settings.PublicHost;
        var port = settings.PublicPort is { } p && p != DefaultPort(scheme) ? ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        var prefix = tenant.Hosts.Count == 0 && tenant.PathPrefix is { Length: > 0 } pathPrefix ? "/" + pathPrefix : string.Empty;
        return $"{scheme}://{host}{port}{prefix}";
    }

    /// <summary>The canonical address of the request's tenant, for code that only has the request at hand.</summary>
    public static string Root(HttpContext http, Tenant tenant) => http.RequestServices.GetRequiredService<TenantUrls>().Root(tenant);

    /// <summary>The canonical address of the request's tenant, ending with "/".</summary>
    public static string BaseUrl(HttpContext http) => Root(http, http.RequestServices.GetRequiredService<TenantContext>().Tenant) + "/";

    private static int DefaultPort(string scheme) => string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
}
