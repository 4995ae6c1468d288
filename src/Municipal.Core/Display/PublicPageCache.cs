using Microsoft.AspNetCore.OutputCaching;

namespace Municipal.Core.Display;

/// <summary>
/// Output caching of anonymous public pages, per tenant. Every cached page is tagged with its tenant, and a
/// publication (content, menus, settings) evicts the tenant's pages: menus and branding are on all of them.
/// </summary>
public sealed class PublicPageCache(IOutputCacheStore store, Content.TenantDataCache data)
{
    public static string Tag(string tenantName) => "tenant:" + tenantName;

    /// <summary>Every tenant's cached page carries it: any page may show shared items (an agenda, a home-page block).</summary>
    public const string SharedCatalogTag = "shared-catalog";

    /// <summary>Forgets every tenant's cached pages, after the shared catalogue changed.</summary>
    public ValueTask EvictSharedAsync(CancellationToken cancellationToken = default) =>
        store.EvictByTagAsync(SharedCatalogTag, cancellationToken);

    /// <summary>Forgets the tenant's cached pages and cached settings and menus.</summary>
    public ValueTask EvictAsync(string tenantName, CancellationToken cancellationToken = default)
    {
        data.Invalidate(tenantName);
        return store.EvictByTagAsync(Tag(tenantName), cancellationToken);
    }
}

/// <summary>The output-cache policy: GET or HEAD of a running tenant, no signed-in user, a 200 answer.</summary>
public sealed class PublicPagePolicy(string? bypassHeader) : IOutputCachePolicy
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var tenant = http.RequestServices.GetService(typeof(TenantContext)) is TenantContext tc ? tc.Current : null;
        var request = http.Request;
        var cacheable = tenant is not null
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey("Authorization")
            && !(bypassHeader is not null && request.Headers.ContainsKey(bypassHeader));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Duration;
        context.CacheVaryByRules.VaryByHost = true;

        // The query is part of the page (?page=2); the store's size limit bounds what odd queries can fill.
        context.CacheVaryByRules.QueryKeys = "*";
        if (tenant is not null)
        {
            context.CacheVaryByRules.CacheKeyPrefix = tenant.Name;
            context.Tags.Add(PublicPageCache.Tag(tenant.Name));
            context.Tags.Add(PublicPageCache.SharedCatalogTag);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie"))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
