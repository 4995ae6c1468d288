using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Municipal.Core.Display;
using Municipal.Core.Resources;
using Municipal.Core.Tenancy;

namespace Municipal.Core.Admin;

/// <summary>The header of an admin page: whose site, its address, where the layout's assets are, which area.</summary>
public sealed record AdminChrome(string SiteName, string SiteUrl, string AssetsUrl, string Area);

/// <summary>A line of an error summary: the message and the link to its field.</summary>
public sealed record ErrorLinkView(string Text, string Href);

/// <summary>
/// Renders back-office pages through the Liquid renderer with the admin layout of the core (never the public
/// theme's): plain, accessible, no inline script or style, answered with Cache-Control: no-store.
/// </summary>
public sealed class AdminViews(LiquidRenderer liquid, TenantContext tenantContext, IAntiforgery antiforgery, IEnumerable<AdminMenuItem> menuItems)
{
    public Task<IResult> RenderAsync(HttpContext http, string template, string title, IDictionary<string, object?> values, int statusCode = StatusCodes.Status200OK) =>
        RenderAsync(
            http,
            template,
            title,
            values,
            new AdminChrome(
                tenantContext.Tenant.DisplayName,
                (http.Request.PathBase + "/").ToString(),
                (http.Request.PathBase + AdminEndpoints.AssetsPath).ToString(),
                CoreText.Get("AdminArea")),
            statusCode);

    /// <summary>Renders with the given header (site name, links, area): the host's administration, which has no tenant, uses it.</summary>
    public async Task<IResult> RenderAsync(HttpContext http, string template, string title, IDictionary<string, object?> values, AdminChrome chrome, int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var all = new Dictionary<string, object?>(values, StringComparer.Ordinal)
        {
            ["tenant_name"] = chrome.SiteName,
            ["lang"] = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            ["assets_url"] = chrome.AssetsUrl,
            ["site_url"] = chrome.SiteUrl,
            ["admin_area"] = chrome.Area,
            ["antiforgery_field"] = tokens.FormFieldName,
            ["antiforgery_token"] = tokens.RequestToken,
        };
        if (http.User.Identity?.IsAuthenticated == true && tenantContext.Current is not null)
        {
            all["admin_nav"] = AdminArea.Navigation(http, menuItems, tenantContext.Current);
            all["account_email"] = http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity.Name;
            all["account_sign_out"] = AdminArea.Url(http, TenantAuthentication.SignOutPath);
            all["account_url"] = AdminArea.Url(http, Users.AccountEndpoints.Path);
        }

        var errors = values.TryGetValue("errors", out var e) && e is IReadOnlyCollection<ErrorLinkView> list && list.Count > 0;
        all["title"] = errors ? CoreText.Format("AdminErrorTitlePrefix", title) : title;

        all["content"] = await liquid.RenderAsync(LiquidRenderer.BaseTheme, template, all);
        var html = await liquid.RenderAsync(LiquidRenderer.BaseTheme, "AdminLayout", all);
        AdminArea.NoStore(http.Response);
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
    }

    /// <summary>
    /// The values of the sign-in template ("AdminSignIn"), shared by the tenants' back office and the host's:
    /// the same fields, the same error summary linking to them.
    /// </summary>
    public static Dictionary<string, object?> SignInValues(string? email, string? emailError, string? passwordError, string formAction)
    {
        var errors = new List<ErrorLinkView>();
        if (emailError is not null)
        {
            errors.Add(new ErrorLinkView(emailError, "#email"));
        }

        if (passwordError is not null)
        {
            errors.Add(new ErrorLinkView(passwordError, "#password"));
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["errors"] = errors,
            ["email"] = email,
            ["email_error"] = emailError,
            ["password_error"] = passwordError,
            ["form_action"] = formAction,
        };
    }
}
