namespace Municipal.Core.Modules;

/// <summary>Endpoint metadata: the feature a tenant must have enabled to reach the endpoint.</summary>
public sealed record RequiresFeatureMetadata(string Feature);

public static class FeatureGateExtensions
{
    /// <summary>Endpoints of this builder answer 404 for a tenant without <paramref name="feature"/>.</summary>
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, string feature)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresFeatureMetadata(feature));
}

/// <summary>Runs after routing: a feature that is off for the tenant makes its endpoints look absent (404).</summary>
public sealed class FeatureGateMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        // A path of the host (which has no tenant) that only a tenant's route matched, such as the site's catch-all
        // for "/host/inconnu": nothing answers it, so it is a 404, not a failure on the missing tenant.
        if (tenantContext.Current is null
            && TenantResolutionMiddleware.IsHostPath(context.Request.Path)
            && context.GetEndpoint() is RouteEndpoint route
            && !TenantResolutionMiddleware.IsHostPath(new PathString("/" + (route.RoutePattern.RawText ?? string.Empty).TrimStart('/'))))
        {
            return StatusPages.WriteAsync(context, StatusCodes.Status404NotFound, "NotFoundTitle", "NotFoundBody");
        }

        var required = context.GetEndpoint()?.Metadata.GetOrderedMetadata<RequiresFeatureMetadata>();
        if (required is { Count: > 0 })
        {
            var tenant = tenantContext.Current;
            if (tenant is null || required.Any(r => !tenant.HasFeature(r.Feature)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
        }

        return next(context);
    }
}
