namespace Municipal.Core.Tenancy;

/// <summary>
/// The one place absolute URLs of a tenant are built (mails, feeds, sitemap, robots.txt). They come from the tenant's
/// canonical address and the host settings, never from the request: a forged Host header or port would otherwise
/// put an attacker's address in a mailed password-reset or invitation link that carries a working token.
/// </summary>
public sealed class TenantUrls(IOptions<MunicipalOptions> options)
{
    /// <summary>
    /// The tenant's canonical address, without trailing "/": the one stored at its creation (<see cref="Tenant.PublicUrl"/>),
    /// else (a tenant created before there was one) the address <see cref="Derive"/> gives from its hosts and prefix.
    /// </summary>
    public string Root(Tenant tenant) => tenant.PublicUrl ?? Derive(tenant.Hosts, tenant.PathPrefix);

    /// <summary>
    /// A canonical address from the host settings: <c>Municipal:PublicScheme</c>, the first host or, for a tenant known by
    /// its path prefix only, <c>Municipal:PublicHost</c> and the prefix; <c>Municipal:PublicPort</c> when set. A host tenant
    /// answers at the root of its hosts, so its prefix (if any) is left out.
    /// </summary>
    public string Derive(IReadOnlyList<string> hosts, string? pathPrefix)
    {
        var settings = options.Value;
        var scheme = settings.PublicScheme;
        var host = hosts.Count > 0 ? hosts[0] : TenantNames.NormalizeHost(settings.PublicHost);
        var port = settings.PublicPort is { } p && p != DefaultPort(scheme) ? ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        var prefix = hosts.Count == 0 && pathPrefix is { Length: > 0 } ? "/" + pathPrefix : string.Empty;
        return $"{scheme}://{host}{port}{prefix}";
    }

    /// <summary>The canonical address of the request's tenant, for code that only has the request at hand.</summary>
    public static string Root(HttpContext http, Tenant tenant) => http.RequestServices.GetRequiredService<TenantUrls>().Root(tenant);

    /// <summary>The canonical address of the request's tenant, ending with "/".</summary>
    public static string BaseUrl(HttpContext http) => Root(http, http.RequestServices.GetRequiredService<TenantContext>().Tenant) + "/";

    /// <summary>
    /// An operator's canonical address, normalised (no trailing "/"), or null when it is not a plain http(s) address:
    /// no user, query or fragment, which a mailed link would carry along.
    /// </summary>
    public static string? Normalize(string address) =>
        Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;

    private static int DefaultPort(string scheme) => string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
}
