namespace Municipal.Forms.Privacy;

/// <summary>
/// /admin/e-guichet/donnees-personnelles: the export of everything held about an e-mail address, as a ZIP download.
/// Open to those who handle requests (agents and administrators): a citizen's access request lands with the
/// e-counter's staff, who see these requests anyway; every export is in the audit log, with the address masked.
/// </summary>
public static class PrivacyEndpoints
{
    public const string Path = "/admin/e-guichet/donnees-personnelles";

    public const string AuditAction = "forms-export";

    public const string AuditObjectType = "FormsPersonalData";

    private const string EmailField = "email";

    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminArea("/e-guichet/donnees-personnelles")
            .RequirePermission(FormsModule.HandleRequests)
            .RequireFeature(FormsModule.Feature);
        group.MapGet("/", (HttpContext http, AdminViews views) => RenderAsync(http, views, email: null, [], notice: null));
        group.MapPost("/", ExportAsync);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, AdminViews views, PersonalDataExport export, AuditLog audit, TimeProvider clock)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var email = form[EmailField].ToString().Trim();
        var errors = new List<ErrorLinkView>();
        if (email.Length == 0)
        {
            errors.Add(new ErrorLinkView(FormsText.Get("FormsPrivacyEmailRequired"), "#" + EmailField));
        }
        else if (!EmailValidator.IsValid(email))
        {
            errors.Add(new ErrorLinkView(FormsText.Get("FormsPrivacyEmailInvalid"), "#" + EmailField));
        }

        if (errors.Count > 0)
        {
            return await RenderAsync(http, views, email, errors, notice: null);
        }

        var selection = await export.SelectAsync(email, http.User, http.RequestAborted);
        var (requests, drafts, omitted) = selection;
        if (requests.Count == 0 && drafts.Count == 0)
        {
            var notice = omitted is null
                ? FormsText.Format("FormsPrivacyNothingFound", email)
                : omitted.Note + " " + FormsText.Get("FormsPrivacyOnlyOmitted");
            return await RenderAsync(http, views, email, [], notice);
        }

        // Built in a temporary file first: a failure midway gives an error page, never a truncated download.
        var file = new FileStream(
            System.IO.Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await export.WriteZipAsync(email, selection, file, http.RequestAborted);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        await audit.RecordAsync(
            AuditAction,
            AuditObjectType,
            objectId: null,
            PersonalDataExport.Mask(email),
            FormsText.Format("FormsPrivacyExportDetails", requests.Count, drafts.Count, PersonalDataExport.Fingerprint(email))
                + (omitted is null ? string.Empty : " ; " + FormsText.Format("FormsPrivacyOmittedAudit", omitted.Requests, omitted.Drafts)),
            http.RequestAborted);
        var name = "donnees-personnelles-" + clock.GetUtcNow().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + ".zip";
        return Results.File(file, "application/zip", name);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, AdminViews views, string? email, List<ErrorLinkView> errors, string? notice)
    {
        // Said before the export, so the officer knows which requests to ask an administrator for.
        var forms = await RequestForms.LoadAsync(http.RequestServices.GetRequiredService<FormsDbContext>(), http.RequestAborted);
        var restricted = forms.Restricted
            .Where(f => !forms.CanSee(http.User, f.Slug))
            .Select(f => FormsText.Format("FormsAgentRestrictedForm", f.Title, UserStates.RoleLabel(f.AgentRole!)))
            .ToList();
        return await views.RenderViewAsync(http, "AdminPrivacyExport", FormsText.Get("FormsPrivacyTitle"), new PrivacyExportView(
            errors,
            email,
            errors.FirstOrDefault()?.Text,
            notice,
            AdminArea.Url(http, Path),
            restricted),
        errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

/// <summary>The export of a person's data (AdminPrivacyExport.liquid): the address asked for, the forms the officer cannot see.</summary>
public sealed record PrivacyExportView(
    IReadOnlyList<ErrorLinkView> Errors,
    string? Email,
    string? EmailError,
    string? Notice,
    string FormAction,
    IReadOnlyList<string> Restricted) : IAdminPageView;
