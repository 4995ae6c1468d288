namespace Municipal.Forms.PublicFlow;

/// <summary>
/// What the pages of the public flow share: finding the form (404 for a tenant without the e-counter, an unknown or
/// disabled form: another tenant's form is simply unknown here), drawing a step, the order of the steps, and the
/// checks every post goes through.
/// </summary>
public sealed class PublicFormPages(TenantContext tenant, FormStore forms, ThemePageRenderer renderer, LiquidRenderer liquid, CitizenIdentityProviders citizens)
{
    public const int MaxSlugLength = 100;

    public async Task<FormDefinition?> FindAsync(HttpContext http, string slug)
    {
        AdminArea.NoStore(http.Response);
        if (tenant.Current is not { } current || !current.HasFeature(FormsModule.Feature) || slug.Length > MaxSlugLength)
        {
            return null;
        }

        return await forms.GetLatestEnabledAsync(slug, http.RequestAborted);
    }

    /// <summary>
    /// The form a citizen may fill here, or else the answer to give instead (Form null): the site's 404 for an unknown
    /// or disabled form or a tenant without the feature, or the way to the sign-in page of a form that requires one.
    /// </summary>
    public async Task<(FormDefinition? Form, IResult? Refusal)> OpenAsync(HttpContext http, string slug)
    {
        var form = await FindAsync(http, slug);
        if (form is null)
        {
            return (null, await NotFoundAsync(http));
        }

        return Gate(http, form) is { } signIn ? (null, signIn) : (form, null);
    }

    /// <summary>Null when the citizen may fill the form; else the way to the sign-in page of a form that requires one.</summary>
    public IResult? Gate(HttpContext http, FormDefinition form) => citizens.Gate(http, form);

    public Task<IResult> NotFoundAsync(HttpContext http) => ContentRoutes.NotFoundAsync(http, renderer);

    /// <summary>A page of the flow in the site's layout; the title gets "Erreur : " when the page shows errors.</summary>
    public Task<IResult> RenderAsync(HttpContext http, FormDefinition form, string title, string template, IPublicFlowView view, int status = StatusCodes.Status200OK)
    {
        var hasErrors = view.Errors.Count > 0;
        var shown = (hasErrors ? CoreText.Get("ErrorPrefix") + " " : string.Empty) + title;
        var page = new PageView(shown, Counter.FormDescriptions.MetaDescription(form), ThemePageRenderer.Breadcrumb(http, (form.Title, PublicFormPaths.Form(form.Slug))));
        return renderer.RenderViewAsync(http, page, template, view, hasErrors && status == StatusCodes.Status200OK ? StatusCodes.Status400BadRequest : status);
    }

    /// <summary>The view of a step's form, for its own page and for a procedure page alike.</summary>
    public static PublicStepView StepView(
        HttpContext http, FormDefinition form, int stepIndex, IReadOnlyList<PublicFieldView> fields, IReadOnlyList<PublicErrorView> errors, bool embedded, bool returning)
    {
        var action = Url(http, PublicFormPaths.Step(form.Slug, stepIndex + 1)) + (returning ? "?retour=" + PublicFormPaths.ReturnToSummary : string.Empty);
        return new PublicStepView(
            errors,
            form.Title,
            form.Steps[stepIndex].Title,
            FormsText.Format("FormsPublicProgress", stepIndex + 1, form.Steps.Count + 1),
            stepIndex == 0 ? Paragraphs(form.Intro) : [],
            fields,
            action,
            embedded ? null : stepIndex == 0 ? null : Url(http, returning ? PublicFormPaths.Summary(form.Slug) : PublicFormPaths.Step(form.Slug, stepIndex)),
            embedded ? "h2" : "h1",
            embedded ? "h3" : "h2",
            ScriptUrl(http));
    }

    /// <summary>The counter of the summary, the last screen before sending: the steps count it ("Étape 3 sur 3 : vérification").</summary>
    public static string SummaryProgress(FormDefinition form) => FormsText.Format("FormsPublicSummaryProgress", form.Steps.Count + 1);

    /// <summary>The first step's form as an HTML fragment, for a procedure page of the current tenant's theme.</summary>
    public async Task<string> EmbeddedFirstStepAsync(HttpContext http, FormDefinition form)
    {
        var fields = PublicFieldViews.Build(form, 0, new Dictionary<string, FieldValue>(), null, []);
        var theme = liquid.HasTheme(tenant.Tenant.Theme) ? tenant.Tenant.Theme : LiquidRenderer.BaseTheme;

        // The page is the same for everyone (and cached): a form that requires signing in starts on its own address.
        var view = StepView(http, form, 0, fields, [], embedded: true, returning: false) with
        {
            StartUrl = form.LoginRequired ? Url(http, PublicFormPaths.Form(form.Slug)) : null,
        };
        return await liquid.RenderAsync(theme, "FormsPublicEmbedded", view);
    }

    /// <summary>The script of the public forms (error summary focus, conditional fields).</summary>
    public static string ScriptUrl(HttpContext http) => Url(http, PublicFormPaths.Script);

    public static IReadOnlyList<PublicErrorView> ErrorLinks(FormDefinition form, IEnumerable<FieldError> errors, string? pagePrefix = null) =>
        errors.Select(e => new PublicErrorView(e.Message, (pagePrefix ?? string.Empty) + "#" + PublicFieldViews.ErrorTarget(form, e.Field))).ToList();

    /// <summary>
    /// A post from another site is refused: the browser says where a form was posted from (Origin, else Referer).
    /// With the SameSite=Lax draft cookie, this stands in for an antiforgery token, which a cached procedure page
    /// carrying the first step could not hold.
    /// </summary>
    public static bool IsSameOrigin(HttpContext http)
    {
        var request = http.Request;
        var source = request.Headers.Origin.FirstOrDefault() ?? request.Headers.Referer.FirstOrDefault();
        if (string.IsNullOrEmpty(source))
        {
            return true;
        }

        return Uri.TryCreate(source, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a step has anything to answer, given the answers so far (a step whose fields are all hidden is passed over).</summary>
    public static bool IsStepShown(FormDefinition form, int stepIndex, IReadOnlyDictionary<string, FieldValue> accepted)
    {
        var own = form.Steps[stepIndex].Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return form.Steps[stepIndex].Fields.Any(f => f.Condition is null || own.Contains(f.Condition.Field) || FormValidator.IsShown(f, accepted));
    }

    /// <summary>The first step still to answer (or with an answer no longer valid); the number of steps when all are done.</summary>
    public static int FirstOpenStep(FormDefinition form, IReadOnlyDictionary<string, FieldValue> values)
    {
        var accepted = FormValidator.ValidateForm(form, values).Values;
        for (var i = 0; i < form.Steps.Count; i++)
        {
            if (IsStepShown(form, i, accepted) && !FormValidator.ValidateStep(form, i, values).IsValid)
            {
                return i;
            }
        }

        return form.Steps.Count;
    }

    /// <summary>The step after <paramref name="stepIndex"/> that has something to answer; the number of steps for the summary.</summary>
    public static int NextStep(FormDefinition form, int stepIndex, IReadOnlyDictionary<string, FieldValue> values)
    {
        var accepted = FormValidator.ValidateForm(form, values).Values;
        var next = stepIndex + 1;
        while (next < form.Steps.Count && !IsStepShown(form, next, accepted))
        {
            next++;
        }

        return next;
    }

    public static string StepOrSummary(HttpContext http, FormDefinition form, int stepIndex) =>
        Url(http, stepIndex >= form.Steps.Count ? PublicFormPaths.Summary(form.Slug) : PublicFormPaths.Step(form.Slug, stepIndex + 1));

    public static string Url(HttpContext http, string path) => (http.Request.PathBase + path).ToString();

    public static IReadOnlyList<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
