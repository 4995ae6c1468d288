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

/// <summary>A back-office page's view model: its errors make the title start with "Erreur :" and fill the summary.</summary>
public interface IAdminPageView
{
    IReadOnlyList<ErrorLinkView> Errors { get; }
}

/// <summary>The sign-in page (AdminSignIn.liquid), of a tenant's back office or of the host's administration.</summary>
public sealed record SignInView(
    IReadOnlyList<ErrorLinkView> Errors,
    string? Email,
    string? EmailError,
    string? PasswordError,
    string FormAction,
    string? ForgotUrl = null,
    bool ResetDone = false,
    bool InvitationDone = false,
    bool TwoFactorExpired = false) : IAdminPageView;

/// <summary>
/// Renders back-office pages through the Liquid renderer with the admin layout of the core (never the public
/// theme's): plain, accessible, no inline script or style, answered with Cache-Control: no-store.
/// </summary>
public sealed class AdminViews(LiquidRenderer liquid, TenantContext tenantContext, IAntiforgery antiforgery, IEnumerable<AdminMenuItem> menuItems)
{
    public Task<IResult> RenderAsync(HttpContext http, string template, string title, IDictionary<string, object?> values, int statusCode = StatusCodes.Status200OK) =>
        RenderAsync(http, template, title, values, TenantChrome(http), statusCode);

    /// <summary>Renders a page from its view-model record (see <see cref="LiquidRenderer"/>), in the tenant's back office.</summary>
    public Task<IResult> RenderViewAsync(HttpContext http, string template, string title, IAdminPageView model, int statusCode = StatusCodes.Status200OK) =>
        RenderViewAsync(http, template, title, model, TenantChrome(http), statusCode);

    /// <summary>Renders a page from its view-model record with the given header (the host's administration).</summary>
    public Task<IResult> RenderViewAsync(HttpContext http, string template, string title, IAdminPageView model, AdminChrome chrome, int statusCode = StatusCodes.Status200OK) =>
        RenderPageAsync(http, template, title, model, new Dictionary<string, object?>(StringComparer.Ordinal), model.Errors.Count > 0, chrome, statusCode);

    private AdminChrome TenantChrome(HttpContext http) => new(
        tenantContext.Tenant.DisplayName,
        (http.Request.PathBase + "/").ToString(),
        (http.Request.PathBase + AdminEndpoints.AssetsPath).ToString(),
        CoreText.Get("AdminArea"));

    /// <summary>Renders with the given header (site name, links, area): the host's administration, which has no tenant, uses it.</summary>
    public Task<IResult> RenderAsync(HttpContext http, string template, string title, IDictionary<string, object?> values, AdminChrome chrome, int statusCode = StatusCodes.Status200OK)
    {
        var errors = values.TryGetValue("errors", out var e) && e is IReadOnlyCollection<ErrorLinkView> list && list.Count > 0;
        return RenderPageAsync(http, template, title, model: null, new Dictionary<string, object?>(values, StringComparer.Ordinal), errors, chrome, statusCode);
    }

    private async Task<IResult> RenderPageAsync(HttpContext http, string template, string title, object? model, Dictionary<string, object?> all, bool errors, AdminChrome chrome, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        all["tenant_name"] = chrome.SiteName;
        all["lang"] = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        all["assets_url"] = chrome.AssetsUrl;
        all["site_url"] = chrome.SiteUrl;
        all["admin_area"] = chrome.Area;
        all["antiforgery_field"] = tokens.FormFieldName;
        all["antiforgery_token"] = tokens.RequestToken;
        if (http.User.Identity?.IsAuthenticated == true && tenantContext.Current is not null)
        {
            all["admin_nav"] = AdminArea.Navigation(http, menuItems, tenantContext.Current);
            all["account_email"] = http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity.Name;
            all["account_sign_out"] = AdminArea.Url(http, TenantAuthentication.SignOutPath);
            all["account_url"] = AdminArea.Url(http, Users.AccountEndpoints.Path);
        }

        all["title"] = errors ? CoreText.Format("AdminErrorTitlePrefix", title) : title;

        all["content"] = await liquid.RenderAsync(LiquidRenderer.BaseTheme, template, model, all);
        var html = await liquid.RenderAsync(LiquidRenderer.BaseTheme, "AdminLayout", all);
        AdminArea.NoStore(http.Response);
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
    }

    /// <summary>
    /// The view of the sign-in template ("AdminSignIn"), shared by the tenants' back office and the host's: the same
    /// fields, the same error summary linking to them. The host's page has no links to a password reset.
    /// </summary>
    public static SignInView SignIn(string? email, string? emailError, string? passwordError, string formAction)
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

        return new SignInView(errors, email, emailError, passwordError, formAction);
    }
}
