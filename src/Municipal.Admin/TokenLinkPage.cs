namespace Municipal.Admin;

/// <summary>
/// A page opened from a mailed token link where a password is chosen (password reset, invitation). The link carries
/// the address and the token ("?email=…&amp;jeton=…"), the page copies them into the hidden fields of the
/// <see cref="NewPasswordForm"/>, and a password set sends the person to the sign-in page with a "done" parameter.
/// What the token proves and what setting the password does stay with each flow.
/// </summary>
internal sealed record TokenLinkPage(string Path, string Template, string TitleKey, string DoneParameter)
{
    /// <summary>The absolute link to mail: the tenant's root (<see cref="TenantUrls.Root(Tenant)"/>), this page, the address and the token.</summary>
    public string Link(string tenantRoot, string email, string token) =>
        $"{tenantRoot}{Path}?email={Uri.EscapeDataString(email)}&jeton={Uri.EscapeDataString(token)}";

    /// <summary>
    /// Maps the page on the admin group at <paramref name="route"/>: GET shows the form, POST (rate-limited like the
    /// sign-in) runs <paramref name="accept"/>, the flow's handler, which reads the form through <see cref="PostAsync"/>.
    /// </summary>
    public void Map(RouteGroupBuilder admin, string route, Delegate accept)
    {
        admin.MapGet(route, FormAsync);
        admin.MapPost(route, accept).RequireRateLimiting(AdminEndpoints.SignInRateLimitPolicy);
    }

    /// <summary>GET: the form, filled from the link's query.</summary>
    public Task<IResult> FormAsync(HttpContext http, AdminViews views, TenantContext tenant) =>
        tenant.Current is null
            ? Task.FromResult(Results.NotFound())
            : RenderAsync(http, views, http.Request.Query["email"].ToString(), http.Request.Query["jeton"].ToString(), []);

    /// <summary>POST: refuses a request without tenant or without a valid anti-forgery token, else hands the form to the flow.</summary>
    public static async Task<IResult> PostAsync(HttpContext http, TenantContext tenant, Func<NewPasswordForm, Task<IResult>> accept)
    {
        if (await FormPosts.RefusalAsync(http, tenant) is { } refused)
        {
            return refused;
        }

        return await accept(await NewPasswordForm.ReadAsync(http.Request));
    }

    /// <summary>The password is set: to the sign-in page, which says so.</summary>
    public IResult Done(HttpContext http) =>
        Results.Redirect($"{http.Request.PathBase}{TenantAuthentication.SignInPath}?{DoneParameter}=1");

    /// <summary>The form again, with its errors; <paramref name="invalid"/> tells the template the link itself is unusable.</summary>
    public Task<IResult> RenderAsync(HttpContext http, AdminViews views, string email, string token, List<ErrorLinkView> errors, bool invalid = false) =>
        views.RenderViewAsync(http, Template, CoreText.Get(TitleKey), new TokenLinkView(
            errors,
            email,
            token,
            invalid,
            errors.FirstOrDefault(e => e.Href == "#password")?.Text,
            errors.FirstOrDefault(e => e.Href == "#confirmation")?.Text,
            (http.Request.PathBase + Path).ToString()));
}

/// <summary>The page of a link sent by email that sets a password (a reset, an invitation).</summary>
public sealed record TokenLinkView(
    IReadOnlyList<ErrorLinkView> Errors,
    string Email,
    string Token,
    bool Invalid,
    string? PasswordError,
    string? ConfirmationError,
    string FormAction) : IAdminPageView;
