namespace Municipal.Forms.CitizenSignIn;

/// <summary>
/// The citizen's sign-in for forms that require one: /e-guichet/connexion says why and offers the configured national
/// service; /e-guichet/deconnexion ends the session; /e-guichet/connexion/simulation is the test double's own page.
/// </summary>
public static class CitizenSignInEndpoints
{
    public const string SignOutPath = "/e-guichet/deconnexion";

    public static void MapCitizenSignIn(this IEndpointRouteBuilder endpoints)
    {
        // Never in the output cache either: it ignores Cache-Control, and a page that names the signed-in citizen,
        // stored once their browser had its antiforgery cookie, went to every visitor (and outlived the session).
        var group = endpoints.MapGroup(string.Empty).RequireFeature(FormsModule.Feature).WithMetadata(new Municipal.Admin.AdminNoCachePolicy());
        group.MapGet(CitizenIdentityProviders.SignInPath, SignInPageAsync);
        // Typed as a route handler: a method of HttpContext alone would be taken for a RequestDelegate, its result dropped.
        group.MapPost(SignOutPath, (Func<HttpContext, Task<IResult>>)SignOutAsync);
        group.MapGet(SimulatedCitizenIdentity.Path, SimulationPageAsync);
        group.MapPost(SimulatedCitizenIdentity.Path, SimulationSignInAsync).RequireRateLimiting(PublicWriteRateLimit.PolicyName);
    }

    private static Task<IResult> SignInPageAsync(HttpContext http, CitizenIdentityProviders providers, CitizenSession session, ThemePageRenderer renderer)
    {
        var back = CitizenIdentityProviders.SafeReturnPath(http.Request.Query[CitizenIdentityProviders.ReturnParameter]);
        var provider = providers.Configured;
        var citizen = session.Current(http);
        var title = FormsText.Get("FormsCitizenSignInTitle");
        var tokens = PublicAntiforgery.Tokens(http);
        var view = new CitizenSignInView(
            title,
            citizen is null ? null : FormsText.Format("FormsCitizenSignedInAs", citizen.FullName),
            provider is null ? null : FormsText.Format("FormsCitizenSignInWith", provider.DisplayName),
            ThemePageRenderer.Url(http, back),
            provider?.SignInUrl(http, back),
            ThemePageRenderer.Url(http, SignOutPath),
            tokens.FormFieldName,
            tokens.RequestToken);

        // No national service configured: the form cannot be filled here for now, and the page says so.
        var status = citizen is null && provider is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return RenderAsync(http, renderer, "FormsCitizenSignIn", title, view, status);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        if (await PublicAntiforgery.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        CitizenSession.SignOut(http);
        return Results.Redirect(ThemePageRenderer.Url(http, "/"));
    }

    private static async Task<IResult> SimulationPageAsync(HttpContext http, CitizenIdentityProviders providers, ThemePageRenderer renderer)
    {
        if (providers.Configured is not SimulatedCitizenIdentity)
        {
            return await ContentRoutes.NotFoundAsync(http, renderer);
        }

        return await RenderSimulationAsync(http, renderer, new SimulationForm(string.Empty, string.Empty, string.Empty), []);
    }

    private static async Task<IResult> SimulationSignInAsync(HttpContext http, CitizenIdentityProviders providers, CitizenSession session, ThemePageRenderer renderer)
    {
        if (providers.Configured is not SimulatedCitizenIdentity)
        {
            return await ContentRoutes.NotFoundAsync(http, renderer);
        }

        if (await PublicAntiforgery.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var posted = new SimulationForm(Limit(form["prenom"]), Limit(form["nom"]), Limit(form["registre"]));
        var errors = new List<CitizenFieldError>();
        if (posted.FirstName.Length == 0)
        {
            errors.Add(new CitizenFieldError("prenom", FormsText.Get("FormsCitizenFirstNameRequired")));
        }

        if (posted.LastName.Length == 0)
        {
            errors.Add(new CitizenFieldError("nom", FormsText.Get("FormsCitizenLastNameRequired")));
        }

        var nationalNumber = NrnValidator.Normalise(posted.NationalNumber);
        if (nationalNumber is null)
        {
            errors.Add(new CitizenFieldError("registre", FormsText.Get(posted.NationalNumber.Length == 0 ? "FormsCitizenNrnRequired" : "FormsCitizenNrnInvalid")));
        }

        if (errors.Count > 0)
        {
            return await RenderSimulationAsync(http, renderer, posted, errors);
        }

        session.SignIn(http, new CitizenIdentity(nationalNumber!, posted.FirstName, posted.LastName));
        var back = CitizenIdentityProviders.SafeReturnPath(http.Request.Query[CitizenIdentityProviders.ReturnParameter]);
        return Results.Redirect(ThemePageRenderer.Url(http, back));
    }

    /// <summary>An error of the simulation form: the input's id and the French message.</summary>
    public sealed record CitizenFieldError(string Id, string Message);

    private sealed record SimulationForm(string FirstName, string LastName, string NationalNumber);

    private static Task<IResult> RenderSimulationAsync(HttpContext http, ThemePageRenderer renderer, SimulationForm form, List<CitizenFieldError> errors)
    {
        var title = FormsText.Get("FormsCitizenSimulationTitle");
        var tokens = PublicAntiforgery.Tokens(http);
        var view = new CitizenSimulationView(
            title,
            (http.Request.PathBase + http.Request.Path + http.Request.QueryString).ToString(),
            form.FirstName,
            form.LastName,
            form.NationalNumber,
            errors,
            errors.FirstOrDefault(e => e.Id == "prenom")?.Message,
            errors.FirstOrDefault(e => e.Id == "nom")?.Message,
            errors.FirstOrDefault(e => e.Id == "registre")?.Message,
            tokens.FormFieldName,
            tokens.RequestToken);
        var pageTitle = errors.Count > 0 ? CoreText.Format("AdminErrorTitlePrefix", title) : title;
        return RenderAsync(http, renderer, "FormsCitizenSimulation", pageTitle, view, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static Task<IResult> RenderAsync(HttpContext http, ThemePageRenderer renderer, string template, string pageTitle, object view, int status)
    {
        // Pages about who is signed in are never cached, by the browser or on the way.
        http.Response.Headers.CacheControl = "no-store";
        var page = new PageView(pageTitle, null, ThemePageRenderer.Breadcrumb(http, (FormsText.Get("FormsCitizenSignInTitle"), CitizenIdentityProviders.SignInPath)));
        return renderer.RenderViewAsync(http, page, template, view, status);
    }

    private static string Limit(string? value)
    {
        var text = (value ?? string.Empty).Trim();
        return text.Length > 100 ? text[..100] : text;
    }
}

/// <summary>The citizen's sign-in page (FormsCitizenSignIn.liquid): who is signed in, or the national service to sign in with.</summary>
public sealed record CitizenSignInView(
    string Heading, string? SignedInText, string? ProviderText, string ContinueUrl, string? ProviderUrl, string SignOutUrl, string AntiforgeryField, string? AntiforgeryToken);

/// <summary>The test double's sign-in form (FormsCitizenSimulation.liquid), with an error per input.</summary>
public sealed record CitizenSimulationView(
    string Heading,
    string Action,
    string FirstName,
    string LastName,
    string NationalNumber,
    IReadOnlyList<CitizenSignInEndpoints.CitizenFieldError> Errors,
    string? FirstNameError,
    string? LastNameError,
    string? NationalNumberError,
    string AntiforgeryField,
    string? AntiforgeryToken);
