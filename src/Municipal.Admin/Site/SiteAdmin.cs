namespace Municipal.Admin.Site;

/// <summary>The screens of the site itself: menus, taxonomies and settings.</summary>
public static class SiteAdmin
{
    public const string MenusPath = "/admin/menus";
    public const string TaxonomiesPath = "/admin/taxonomies";
    public const string SettingsPath = "/admin/parametres";

    public static IServiceCollection AddSiteAdmin(this IServiceCollection services)
    {
        services.AddSingleton(new AdminMenuItem("SiteNavMenus", MenusPath, AdminPermissions.ManageNavigation, Order: 30));
        services.AddSingleton(new AdminMenuItem("SiteNavTaxonomies", TaxonomiesPath, AdminPermissions.ManageNavigation, Order: 35));
        services.AddSingleton(new AdminMenuItem("SiteNavSettings", SettingsPath, AdminPermissions.ManageSettings, Order: 40));

        return services;
    }

    public static void MapSiteAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMenuEditor();
        endpoints.MapTaxonomyEditor();
        endpoints.MapSettingsEditor();
    }
}

/// <summary>An option of a select: its value and its text.</summary>
public sealed record OptionView(string Value, string Text);

/// <summary>A menu in the list of menus.</summary>
public sealed record MenuSummaryView(string Name, string Title, int Count, string Url, string? Modified);

/// <summary>A taxonomy in the list of taxonomies.</summary>
public sealed record TaxonomySummaryView(string Name, string Title, int Count, string Url);

/// <summary>
/// Where a link may point: a path of this site ("/demarches", "/", "/contact?x=1#y") or an https address. Never
/// "//host", "javascript:", plain http or anything with spaces or control characters.
/// </summary>
public static class SiteAddresses
{
    public static bool IsAllowed(string url) =>
        url.Length is > 0 and <= 500
        && !url.Any(char.IsWhiteSpace)
        && (AdminEndpoints.IsLocal(url)
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0));
}
