namespace Municipal.Forms.Requests;

/// <summary>A draft made from a request, as the request's page links it.</summary>
public sealed record RequestCreatedContentView(string Title, string Url);

/// <summary>
/// A form whose definition says "createsContent": accepting one of its requests makes a draft of that content type
/// (a module's <see cref="IRequestContentTarget"/>) from the mapped answers only, for an editor to review. The
/// requester's e-mail and identity are not passed: they stay with the request (and its retention period).
/// </summary>
public sealed class RequestContent(FormsDbContext db, TenantContext tenant, IEnumerable<IRequestContentTarget> targets)
{
    /// <summary>The draft of an accepted request, made now or found when it was made already; null when the form maps nothing.</summary>
    public async Task<RequestContentDraft?> CreateAsync(SubmissionRecord submission, string formTitle, CancellationToken cancellationToken)
    {
        var form = await FormAsync(submission, cancellationToken);
        if (Target(form) is not { } target)
        {
            return null;
        }

        var origin = new RequestContentOrigin(submission.TrackingCode, formTitle, RequestRoutes.Detail(submission.TrackingCode));
        return await target.CreateDraftAsync(origin, Values(form!.CreatesContent!, submission.Values), cancellationToken);
    }

    /// <summary>The draft made from this request, if any.</summary>
    public async Task<RequestContentDraft?> FindAsync(SubmissionRecord submission, FormDefinition? form, CancellationToken cancellationToken) =>
        Target(form) is { } target ? await target.FindDraftAsync(submission.TrackingCode, cancellationToken) : null;

    /// <summary>The mapped answers as plain text by target field: text as typed, a choice's value, yyyy-MM-dd, "true"/"false".</summary>
    public static IReadOnlyDictionary<string, string> Values(FormContentMapping mapping, string storedValues)
    {
        using var document = JsonDocument.Parse(storedValues);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (target, source) in mapping.Fields)
        {
            if (!document.RootElement.TryGetProperty(source, out var value))
            {
                continue;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Array => string.Join(",", value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                values[target] = text.Trim();
            }
        }

        return values;
    }

    private IRequestContentTarget? Target(FormDefinition? form) =>
        form?.CreatesContent is { } mapping
        && targets.FirstOrDefault(t => t.ContentType == mapping.Type) is { } target
        && tenant.Tenant.HasFeature(target.Feature)
            ? target
            : null;

    private async Task<FormDefinition?> FormAsync(SubmissionRecord submission, CancellationToken cancellationToken)
    {
        var definition = await db.FormVersions.AsNoTracking()
            .Where(v => v.Slug == submission.FormSlug && v.Version == submission.FormVersion)
            .Select(v => v.Definition)
            .FirstOrDefaultAsync(cancellationToken);
        return definition is null ? null : FormSchemaJson.Read(definition).Form;
    }
}
