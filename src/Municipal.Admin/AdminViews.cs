namespace Municipal.Admin;

/// <summary>The header of an admin page: whose site, its address, where the layout's assets are, which area.</summary>
public sealed record AdminChrome(string SiteName, string SiteUrl, string AssetsUrl, string Area);

/// <summary>A line of an error summary: the message and the link to its field.</summary>
public sealed record ErrorLinkView(string Text, string Href);

/// <summary>
/// The admin layout (AdminLayout.liquid) around a page, whose template reads these members at its top level too:
/// the antiforgery field of its forms, the account's links. Signed out, there is no navigation and no account.
/// </summary>
public sealed record AdminLayoutView(
    string Title,
    string TenantName,
    string Lang,
    string AssetsUrl,
    string SiteUrl,
    string AdminArea,
    string AntiforgeryField,
    string? AntiforgeryToken,
    IReadOnlyList<AdminNavLinkView> AdminNav,
    string? AccountEmail,
    string? AccountSignOut,
    string? AccountUrl,
    string Content = "");

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
    /// <summary>Renders a page from its view-model record (see <see cref="LiquidRenderer"/>), in the tenant's back office.</summary>
    public Task<IResult> RenderViewAsync(HttpContext http, string template, string title, IAdminPageView model, int statusCode = StatusCodes.Status200OK) =>
        RenderViewAsync(http, template, title, model, TenantChrome(http), statusCode);

    /// <summary>Renders a page from its view-model record with the given header (the host's administration).</summary>
    public Task<IResult> RenderViewAsync(HttpContext http, string template, string title, IAdminPageView model, AdminChrome chrome, int statusCode = StatusCodes.Status200OK) =>
        RenderPageAsync(http, template, title, model.Errors.Count > 0, chrome, statusCode, layout => liquid.RenderAsync(LiquidRenderer.BaseTheme, template, model, layout));

    private AdminChrome TenantChrome(HttpContext http) => new(
        tenantContext.Tenant.DisplayName,
        (http.Request.PathBase + "/").ToString(),
        (http.Request.PathBase + AdminEndpoints.AssetsPath).ToString(),
        CoreText.Get("AdminArea"));

    /// <summary>The page's template reads the layout's members too (the antiforgery field, the account's links); the layout gets the page's HTML.</summary>
    private async Task<IResult> RenderPageAsync(HttpContext http, string template, string title, bool errors, AdminChrome chrome, int statusCode, Func<AdminLayoutView, Task<string>> renderPage)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var signedIn = http.User.Identity?.IsAuthenticated == true && tenantContext.Current is not null;
        var layout = new AdminLayoutView(
            errors ? CoreText.Format("AdminErrorTitlePrefix", title) : title,
            chrome.SiteName,
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            chrome.AssetsUrl,
            chrome.SiteUrl,
            chrome.Area,
            tokens.FormFieldName,
            tokens.RequestToken,
            signedIn ? AdminArea.Navigation(http, menuItems, tenantContext.Current) : [],
            signedIn ? http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity!.Name : null,
            signedIn ? AdminArea.Url(http, TenantAuthentication.SignOutPath) : null,
            signedIn ? AdminArea.Url(http, Users.AccountEndpoints.Path) : null);
        var html = await liquid.RenderAsync(LiquidRenderer.BaseTheme, "AdminLayout", layout with { Content = await renderPage(layout) });
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
