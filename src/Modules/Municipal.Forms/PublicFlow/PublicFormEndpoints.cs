namespace Municipal.Forms.PublicFlow;

/// <summary>
/// The public flow of a form at /e-guichet/{slug}: one step per page, each post validated by the server and kept in
/// the citizen's draft; then the summary, the submission and the confirmation (see <see cref="PublicSubmitEndpoints"/>).
/// Never cached: the pages show a person's answers.
/// </summary>
public static class PublicFormEndpoints
{
    private static readonly EmbeddedAssets Assets = new(typeof(PublicFormEndpoints).Assembly, "wwwroot");

    public static void MapPublicForms(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(PublicFormPaths.Root).WithMetadata(new AdminNoCachePolicy());
        group.MapGet("/_assets/eguichet.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Assets.ReadBytes("eguichet.js") ?? [], "text/javascript; charset=utf-8");
        });
        group.MapGet("/{slug}", (string slug, HttpContext http, PublicFormPages pages, FormDrafts drafts) => ShowStepAsync(slug, 1, http, pages, drafts));
        group.MapGet("/{slug}/etape/{number:int}", ShowStepAsync);
        group.MapPost("/{slug}/etape/{number:int}", PostStepAsync).RequireRateLimiting(PublicWriteRateLimit.PolicyName);
        group.MapPublicSubmit();
    }

    private static async Task<IResult> ShowStepAsync(string slug, int number, HttpContext http, PublicFormPages pages, FormDrafts drafts)
    {
        var (form, refusal) = await OpenStepAsync(slug, number, http, pages);
        if (form is null)
        {
            return refusal!;
        }

        var draft = await drafts.FromCookieAsync(http, form, http.RequestAborted);
        var values = draft?.Values ?? new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        var open = PublicFormPages.FirstOpenStep(form, values);
        if (number - 1 > open)
        {
            // Steps are answered in order: a later step's address leads back to the first one still to answer.
            return Results.Redirect(PublicFormPages.StepOrSummary(http, form, open));
        }

        var returning = http.Request.Query["retour"] == PublicFormPaths.ReturnToSummary && open >= form.Steps.Count;
        return await RenderStepAsync(http, pages, form, number - 1, values, null, [], returning);
    }

    private static async Task<IResult> PostStepAsync(string slug, int number, HttpContext http, PublicFormPages pages, FormDrafts drafts)
    {
        var (form, refusal) = await OpenStepAsync(slug, number, http, pages);
        if (form is null)
        {
            return refusal!;
        }

        if (await ReadPostAsync(http) is not { } posted)
        {
            return BadPost(http);
        }

        var index = number - 1;
        var draft = await drafts.FromCookieAsync(http, form, http.RequestAborted) ?? drafts.Start(form);
        var open = PublicFormPages.FirstOpenStep(form, draft.Values);
        if (index > open)
        {
            return Results.Redirect(PublicFormPages.StepOrSummary(http, form, open), permanent: false, preserveMethod: false);
        }

        var step = form.Steps[index];
        var read = await StepFormReader.ReadAsync(posted, step, draft.Values, http.RequestAborted);
        var merged = new Dictionary<string, FieldValue>(draft.Values, StringComparer.Ordinal);
        foreach (var field in step.Fields)
        {
            merged.Remove(field.Name);
        }

        foreach (var (name, value) in read.Values)
        {
            merged[name] = value;
        }

        var result = FormValidator.ValidateStep(form, index, merged, read.ReadErrors);
        var before = new Dictionary<string, FieldValue>(draft.Values, StringComparer.Ordinal);

        // The draft keeps this step's accepted answers (a valid file is not asked for again), whatever else was wrong.
        foreach (var field in step.Fields)
        {
            draft.Values.Remove(field.Name);
        }

        foreach (var (name, value) in result.Values)
        {
            draft.Values[name] = value;
        }

        var returning = http.Request.Query["retour"] == PublicFormPaths.ReturnToSummary;
        if (await RefuseOverQuotaAsync(http, drafts, draft, step, before, merged) is { } quotaErrors)
        {
            // The files just sent are not kept (nor shown as kept); the other answers are, and the step is shown again.
            draft.Record.Step = index;
            await drafts.SaveAsync(draft, form, http.RequestAborted);
            FormDrafts.SetCookie(http, draft);
            var errors = result.Errors.Where(e => quotaErrors.All(q => q.Field != e.Field)).Concat(quotaErrors).ToList();
            return await RenderStepAsync(http, pages, form, index, merged, read.Raw, errors, returning, StatusCodes.Status413PayloadTooLarge);
        }

        var saveForLater = posted["action"] == "save";
        var next = result.IsValid ? PublicFormPages.NextStep(form, index, draft.Values) : index;
        if (result.IsValid && returning && PublicFormPages.FirstOpenStep(form, draft.Values) >= form.Steps.Count)
        {
            next = form.Steps.Count;
        }

        draft.Record.Step = saveForLater ? index : next;
        await drafts.SaveAsync(draft, form, http.RequestAborted);
        FormDrafts.SetCookie(http, draft);
        if (saveForLater)
        {
            return Results.Redirect(PublicFormPages.Url(http, PublicFormPaths.Save(form.Slug)));
        }

        if (!result.IsValid)
        {
            return await RenderStepAsync(http, pages, form, index, merged, read.Raw, result.Errors, returning);
        }

        return Results.Redirect(PublicFormPages.StepOrSummary(http, form, next));
    }

    /// <summary>
    /// The errors to show when the files newly accepted on this step would pass a draft-file quota (then those files are
    /// taken back out of the draft and of <paramref name="shown"/>), or null. 413 rather than 429: waiting does not help,
    /// sending or abandoning other drafts, or a lighter file, does; and it is this request's content that is refused.
    /// </summary>
    private static async Task<List<FieldError>?> RefuseOverQuotaAsync(
        HttpContext http, FormDrafts drafts, LoadedDraft draft, FormStep step, Dictionary<string, FieldValue> before, Dictionary<string, FieldValue> shown)
    {
        var uploaded = step.Fields.OfType<FileField>()
            .Where(f => draft.Values.TryGetValue(f.Name, out var now) && !(before.TryGetValue(f.Name, out var old) && ReferenceEquals(old, now)))
            .ToList();
        if (uploaded.Count == 0)
        {
            return null;
        }

        var client = ClientKey.Of(http);
        if (await drafts.QuotaRefusalAsync(draft, client, uploaded[0].Label, http.RequestAborted) is not { } message)
        {
            draft.Record.ClientKey = client;
            return null;
        }

        var errors = new List<FieldError>();
        foreach (var field in uploaded)
        {
            if (before.TryGetValue(field.Name, out var old))
            {
                draft.Values[field.Name] = old;
                shown[field.Name] = old;
            }
            else
            {
                draft.Values.Remove(field.Name);
                shown.Remove(field.Name);
            }

            errors.Add(new FieldError(field.Name, field == uploaded[0] ? message : FormsText.Format("FormsDraftQuotaOther", field.Label)));
        }

        return errors;
    }

    private static Task<IResult> RenderStepAsync(
        HttpContext http, PublicFormPages pages, FormDefinition form, int index, IReadOnlyDictionary<string, FieldValue> values,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? raw, IReadOnlyList<FieldError> errors, bool returning, int status = StatusCodes.Status200OK)
    {
        var fields = PublicFieldViews.Build(form, index, values, raw, errors);
        var view = PublicFormPages.StepView(http, form, index, fields, PublicFormPages.ErrorLinks(form, errors), embedded: false, returning);
        var title = $"{form.Steps[index].Title} – {FormsText.Format("FormsPublicProgress", index + 1, form.Steps.Count)}";
        return pages.RenderAsync(http, form, title, "FormsPublicStep", view, status);
    }

    /// <summary>The posted form, or null for a post from another site, of another kind, malformed or over the limits.</summary>
    /// <summary>
    /// The form whose step <paramref name="number"/> a citizen may fill, or else the answer to give instead (Form null):
    /// the site's 404 for an unknown form or step, or the way to the sign-in page of a form that requires one.
    /// </summary>
    private static async Task<(FormDefinition? Form, IResult? Refusal)> OpenStepAsync(string slug, int number, HttpContext http, PublicFormPages pages)
    {
        var form = await pages.FindAsync(http, slug);
        if (form is null || number < 1 || number > form.Steps.Count)
        {
            return (null, await pages.NotFoundAsync(http));
        }

        return pages.Gate(http, form) is { } signIn ? (null, signIn) : (form, null);
    }

    internal static async Task<IFormCollection?> ReadPostAsync(HttpContext http)
    {
        if (!PublicFormPages.IsSameOrigin(http) || !http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    internal static IResult BadPost(HttpContext http) => AdminEndpoints.AntiforgeryRefused(http);
}
