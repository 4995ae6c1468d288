using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Municipal.Forms.Api;

/// <summary>A form in the API's list.</summary>
public sealed record FormListItem(string Slug, string Title, int Version);

/// <summary>The answer to an accepted submission.</summary>
public sealed record SubmissionCreated(string TrackingCode, string Status);

/// <summary>What anyone holding the code and the e-mail may learn of a request; nothing more.</summary>
public sealed record SubmissionStatusView(string TrackingCode, string Status, string Form, DateTimeOffset Updated);

/// <summary>
/// The e-counter as a JSON API for other systems: the enabled forms, their public schema, submissions and their
/// status. JSON only (no form content type, no cookie): a cross-site page cannot post here on a citizen's behalf.
/// Errors are RFC 9457 problem details in French.
/// </summary>
public static class FormsApiEndpoints
{
    public static readonly PathString ApiPath = new("/api");

    /// <summary>Room for every answer but files: far above what a form's text limits allow.</summary>
    public const long BaseBodyBytes = 1024 * 1024;

    public static void MapFormsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiPath.Value!).RequireFeature(FormsModule.Feature);
        api.MapGet("/forms", ListAsync);
        api.MapGet("/forms/{slug}", SchemaAsync);
        api.MapPost("/forms/{slug}/submissions", SubmitAsync)
            .RequireRateLimiting(SubmissionRateLimit.PolicyName)
            .DisableAntiforgery();
        api.MapGet("/submissions/{code}", StatusAsync).RequireRateLimiting(SubmissionRateLimit.PolicyName);
    }

    /// <summary>The stable machine name of a status in the API: "received", "inProgress", "informationRequested", "accepted", "refused", "closed".</summary>
    public static string StatusName(SubmissionStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static ProblemHttpResult TooManyRequests() =>
        TypedResults.Problem(title: FormsText.Get("FormsApiTooManyTitle"), detail: FormsText.Get("FormsApiTooManyDetail"), statusCode: StatusCodes.Status429TooManyRequests);

    /// <summary>The latest version of every enabled form, by slug.</summary>
    private static async Task<Ok<List<FormListItem>>> ListAsync(FormsDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.FormVersions.AsNoTracking()
            .Select(f => new { f.Id, f.Slug, f.Version, f.Enabled })
            .ToListAsync(cancellationToken);
        var latestIds = versions.GroupBy(v => v.Slug, StringComparer.Ordinal)
            .Select(g => g.MaxBy(v => v.Version)!)
            .Where(v => v.Enabled)
            .Select(v => v.Id)
            .ToList();
        var definitions = await db.FormVersions.AsNoTracking().Where(f => latestIds.Contains(f.Id)).Select(f => f.Definition).ToListAsync(cancellationToken);
        var forms = definitions.Select(d => FormSchemaJson.Read(d).Form)
            .OfType<FormDefinition>()
            .Select(f => new FormListItem(f.Slug, f.Title, f.Version))
            .OrderBy(f => f.Title, StringComparer.CurrentCulture)
            .ToList();
        return TypedResults.Ok(forms);
    }

    private static async Task<IResult> SchemaAsync(string slug, FormStore forms, CancellationToken cancellationToken) =>
        await forms.GetLatestEnabledAsync(slug, cancellationToken) is { } form
            ? TypedResults.Text(FormSchemaJson.WritePublic(form), "application/json; charset=utf-8")
            : FormNotFound();

    private static async Task<IResult> SubmitAsync(
        string slug, HttpContext http, FormStore forms, CitizenSession citizens, SubmissionIntake intake, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        var form = await forms.GetLatestEnabledAsync(slug, cancellationToken);
        if (form is null)
        {
            return FormNotFound();
        }

        if (SubmissionIntake.MissesSignIn(form, citizen: null))
        {
            // The citizen's sign-in is a browser's (the national service's redirects); the API has no such session.
            return TypedResults.Problem(title: FormsText.Get("FormsApiSignInRequiredTitle"), detail: FormsText.Get("FormsApiSignInRequiredDetail"), statusCode: StatusCodes.Status403Forbidden);
        }

        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(title: FormsText.Get("FormsApiUnsupportedTitle"), detail: FormsText.Get("FormsApiUnsupportedDetail"), statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await ApiBody.ReadAsync(http, MaxBodyBytes(form), cancellationToken);
        if (body.TooLarge)
        {
            return TypedResults.Problem(title: FormsText.Get("FormsApiTooLargeTitle"), detail: FormsText.Get("FormsApiTooLargeDetail"), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        SubmissionInput input;
        try
        {
            using var document = JsonDocument.Parse(body.Content, new JsonDocumentOptions { MaxDepth = SubmissionReader.MaxDepth });
            input = SubmissionReader.Read(form, document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON, too deep, or text that is not valid Unicode (an escaped lone surrogate cannot be read as a string).
            return Invalid([new FieldError("", FormsText.Get("FormsErrorBodyNotJson"))]);
        }

        var result = await intake.SubmitAsync(new SubmissionRequest(form, input.Email, input.Values, input.Errors, citizens.Current(http)), ClientKey.Of(http), cancellationToken);
        if (!result.Accepted)
        {
            return Invalid(result.Errors);
        }

        var location = $"{http.Request.PathBase}{ApiPath}/submissions/{result.TrackingCode}";
        return TypedResults.Created(location, new SubmissionCreated(result.TrackingCode!, StatusName(result.Status!.Value)));
    }

    private static async Task<IResult> StatusAsync(string code, string? email, HttpContext http, SubmissionStore store, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        var found = await store.FindAsync(code, email, cancellationToken);
        return found is null
            ? TypedResults.Problem(title: FormsText.Get("FormsApiSubmissionNotFoundTitle"), detail: FormsText.Get("FormsApiSubmissionNotFoundDetail"), statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(new SubmissionStatusView(found.TrackingCode, StatusName(found.Status), found.FormSlug, found.UpdatedUtc.ToUniversalTime()));
    }

    /// <summary>Every file of the form at its largest, base64 (4 characters per 3 bytes) with its name, plus the rest.</summary>
    private static long MaxBodyBytes(FormDefinition form) =>
        BaseBodyBytes + form.AllFields().OfType<FileField>().Sum(f => f.MaxFiles * (((f.MaxBytes + 2) / 3 * 4) + 4096));

    private static ProblemHttpResult FormNotFound() =>
        TypedResults.Problem(title: FormsText.Get("FormsApiFormNotFoundTitle"), detail: FormsText.Get("FormsApiFormNotFoundDetail"), statusCode: StatusCodes.Status404NotFound);

    /// <summary>A 400 whose <c>errors</c> member maps each faulty field's name to its French messages ("$" for the body as a whole).</summary>
    private static ValidationProblem Invalid(IReadOnlyList<FieldError> errors)
    {
        var byField = errors
            .GroupBy(e => e.Field.Length == 0 ? "$" : e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(byField, title: FormsText.Get("FormsApiInvalidTitle"), detail: FormsText.Format("FormsApiInvalidDetail", byField.Count));
    }
}
