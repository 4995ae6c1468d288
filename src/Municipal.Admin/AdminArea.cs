using Microsoft.AspNetCore.Http.Metadata;

namespace Municipal.Admin;

/// <summary>
/// An entry of the back office's navigation, registered by the module that owns the screen
/// (<c>services.AddSingleton(new AdminMenuItem(...))</c>). It shows only to users holding
/// <paramref name="Permission"/> (any signed-in user when null), and only where <paramref name="Feature"/> (when set) is enabled.
/// </summary>
/// <param name="LabelKey">Key of the label in the core's or the module's texts (or the label itself when no such key exists).</param>
/// <param name="Path">Path under the tenant, e.g. "/admin/contenus".</param>
/// <param name="Order">Smaller first.</param>
public sealed record AdminMenuItem(string LabelKey, string Path, string? Permission, int Order, string? Feature = null);

/// <summary>A navigation link as the layout shows it.</summary>
public sealed record AdminNavLinkView(string Label, string Url, bool Current);

/// <summary>
/// The signed-in part of the back office, for every module: <c>endpoints.MapAdminArea("/medias")</c> gives a
/// group under /admin/medias that asks for a signed-in user of this tenant, is never cached, and refuses any
/// state-changing request without a valid antiforgery token (400, nothing changed). Add
/// <c>.RequirePermission(...)</c> to the group or to each endpoint.
/// </summary>
public static class AdminArea
{
    public static RouteGroupBuilder MapAdminArea(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var group = endpoints.MapGroup("/admin" + prefix)
            .WithMetadata(new AdminNoCachePolicy())
            .RequireAuthorization(AdminEndpoints.AuthorizationPolicy);
        group.AddEndpointFilter(RequireAntiforgeryAsync);
        return group;
    }

    /// <summary>
    /// Back-office answers are stored nowhere. Written the way antiforgery writes it ("no-cache, no-store" and
    /// Pragma), so that issuing a token on the page does not override it with a logged warning on every GET.
    /// </summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }

    /// <summary>A path of the back office under the tenant's path base (its prefix, when it has one), for links and redirects.</summary>
    public static string Url(HttpContext http, string path) => (http.Request.PathBase + path).ToString();

    private static async ValueTask<object?> RequireAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        NoStore(http.Response);
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            if (!await FormFitsAsync(http))
            {
                return AdminEndpoints.RequestTooLarge(http);
            }

            if (await FormPosts.RefusalAsync(http) is { } refused)
            {
                return refused;
            }
        }

        return await next(context);
    }

    /// <summary>
    /// Reads the form once, within the endpoint's limits (<c>IRequestSizeLimitMetadata</c>, form options): a body
    /// over them is refused as too large (413), not mistaken for a missing antiforgery token.
    /// </summary>
    private static async Task<bool> FormFitsAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is not null && http.Request.ContentLength > limit)
        {
            return false;
        }

        if (!http.Request.HasFormContentType)
        {
            return true;
        }

        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
            return true;
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // The multipart body, a section or the number of values over the form options' limits.
            return false;
        }
        catch (InvalidDataException)
        {
            // A malformed body: the antiforgery check cannot read it either, and refuses it (400).
            return true;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
    }

    /// <summary>The navigation of the current user: the entries they hold the permission for, on this tenant's features.</summary>
    internal static IReadOnlyList<AdminNavLinkView> Navigation(HttpContext http, IEnumerable<AdminMenuItem> items, Tenant? tenant)
    {
        if (tenant is null || http.User.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        // A module's entry names a key of its own resources: the catalog reads the core's, then the modules'.
        var texts = http.RequestServices.GetRequiredService<Municipal.Core.Resources.TextCatalog>();
        var path = http.Request.Path.Value ?? "/";
        var visible = items
            .Where(i => (i.Permission is null || http.User.Has(i.Permission)) && (i.Feature is null || tenant.HasFeature(i.Feature)))
            .OrderBy(i => i.Order)
            .ToList();
        // The current entry is the longest path the request is under ("/admin" only on the dashboard itself).
        var current = visible
            .Where(i => path == i.Path || (i.Path != TenantAuthentication.DashboardPath && path.StartsWith(i.Path + "/", StringComparison.Ordinal)))
            .OrderByDescending(i => i.Path.Length)
            .FirstOrDefault();
        return visible
            .Select(i => new AdminNavLinkView(texts.Get(i.LabelKey), Url(http, i.Path), ReferenceEquals(i, current)))
            .ToList();
    }
}
