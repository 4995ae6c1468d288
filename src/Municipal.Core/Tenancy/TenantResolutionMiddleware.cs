namespace Municipal.Core.Tenancy;

/// <summary>
/// Finds the tenant of a request by its Host header, then by the first path segment, and sets
/// <see cref="TenantContext"/>. A host no tenant has gets a plain 404, never another tenant's page. A tenant known by
/// its prefix answers only on <c>Municipal:PublicHost</c>: on any Host, a page or a link built from the request could
/// be made to name an attacker's host.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry, TenantActivity activity, IOptions<MunicipalOptions> options)
{
    private readonly string _prefixHost = TenantNames.NormalizeHost(options.Value.PublicHost);

    /// <summary>Paths served by the host itself, whatever the Host header says.</summary>
    public static readonly PathString HostApiPath = new("/api/host");

    /// <summary>The regional operator's administration, separate from every tenant.</summary>
    public static readonly PathString HostAdminPath = new("/host");

    /// <summary>True for the paths of the host itself (API and administration), which belong to no tenant.</summary>
    public static bool IsHostPath(PathString path) => path.StartsWithSegments(HostApiPath) || path.StartsWithSegments(HostAdminPath);

    private static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("fr-BE");

    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        SetCulture(DefaultCulture);
        if (IsHostPath(context.Request.Path))
        {
            await next(context);
            return;
        }

        var lookup = await registry.GetLookupAsync(context.RequestAborted);
        var (tenant, prefix) = Resolve(lookup, context.Request, _prefixHost);
        if (tenant is null)
        {
            await StatusPages.WriteAsync(context, StatusCodes.Status404NotFound, "UnknownHostTitle", "UnknownHostBody");
            return;
        }

        SetCulture(CultureInfo.GetCultureInfo(tenant.Culture));
        switch (tenant.State)
        {
            case TenantState.Uninitialized:
                context.Response.Headers.RetryAfter = "10";
                await StatusPages.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "CreatingTitle", "CreatingBody");
                return;
            case TenantState.Disabled:
                context.Response.Headers.RetryAfter = "3600";
                await StatusPages.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "UnavailableTitle", "UnavailableBody");
                return;
        }

        if (prefix.HasValue)
        {
            context.Request.PathBase = context.Request.PathBase.Add(prefix);
            context.Request.Path = context.Request.Path.Value![prefix.Value!.Length..] is { Length: > 0 } rest ? new PathString(rest) : new PathString("/");
        }

        tenantContext.Set(tenant);
        activity.Touch(tenant.Name);
        await next(context);
    }

    internal static (Tenant? Tenant, PathString Prefix) Resolve(TenantLookup lookup, HttpRequest request, string prefixHost)
    {
        var host = TenantNames.NormalizeHost(request.Host.Host ?? string.Empty);
        if (lookup.ByHost.TryGetValue(host, out var byHost))
        {
            return (byHost, PathString.Empty);
        }

        var path = request.Path.Value ?? string.Empty;
        if (path.Length > 1 && string.Equals(host, prefixHost, StringComparison.Ordinal))
        {
            var end = path.IndexOf('/', 1);
            var segment = end < 0 ? path[1..] : path[1..end];
            if (lookup.ByPrefix.TryGetValue(segment, out var byPrefix))
            {
                return (byPrefix, new PathString("/" + byPrefix.PathPrefix));
            }
        }

        return (null, PathString.Empty);
    }

    private static void SetCulture(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
