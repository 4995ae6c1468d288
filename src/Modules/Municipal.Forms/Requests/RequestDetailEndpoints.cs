using Municipal.Admin.Audit;

namespace Municipal.Forms.Requests;

/// <summary>
/// A request's page (/admin/e-guichet/demandes/{code}): answers, the citizen's e-mail, attachments, history, and
/// the agent's actions (status, assignment, message, internal note), each a POST that comes back with a notice.
/// Every view and every download is written to the audit log.
/// </summary>
public static class RequestDetailEndpoints
{
    public static void MapRequestDetail(this RouteGroupBuilder group)
    {
        group.MapGet("/demandes/{code}", DetailAsync);
        group.MapGet("/demandes/{code}/fichiers/{attachmentId}", DownloadAsync);
        group.MapGet("/demandes/{code}/documents/{documentId}", DocumentAsync);
        group.MapPost("/demandes/{code}/statut", (string code, HttpContext http, AdminViews views, FormsDbContext db, RequestHandling handling) =>
            ActAsync(code, http, views, db, handling, "statut", WithDocument(http, "statut-document", (s, title, form, document) =>
                handling.ChangeStatusAsync(http, s, title, form["statut"], form["question"], form["depuis"], document))));
        group.MapPost("/demandes/{code}/attribution", (string code, HttpContext http, AdminViews views, FormsDbContext db, RequestHandling handling) =>
            ActAsync(code, http, views, db, handling, "attribution", (s, title, forms, form) => handling.AssignAsync(http, s, title, forms, form["agent"])));
        group.MapPost("/demandes/{code}/message", (string code, HttpContext http, AdminViews views, FormsDbContext db, RequestHandling handling) =>
            ActAsync(code, http, views, db, handling, "message", WithDocument(http, "message-document", (s, title, form, document) =>
                handling.MessageAsync(http, s, title, form["message"], document))));
        group.MapPost("/demandes/{code}/note", (string code, HttpContext http, AdminViews views, FormsDbContext db, RequestHandling handling) =>
            ActAsync(code, http, views, db, handling, "note", (s, title, forms, form) => handling.NoteAsync(http, s, title, form["note"])));
    }

    private static async Task<IResult> DetailAsync(string code, HttpContext http, AdminViews views, FormsDbContext db, RequestHandling handling)
    {
        var (submission, forms, refusal) = await OpenAsync(code, http, views, db, handling);
        if (refusal is not null)
        {
            return refusal;
        }

        await handling.RecordAsync(RequestAudit.RequestViewed, submission!, forms!.Title(submission!.FormSlug), null);
        return await RenderAsync(http, views, db, handling, submission, forms, [], RequestViews.Notice(http));
    }

    /// <summary>
    /// A file of the request, for a user allowed to see the request: the path comes from the database (the attachment
    /// must belong to this request), never from the address; served as a download, never rendered by the browser.
    /// </summary>
    private static async Task<IResult> DownloadAsync(
        string code, string attachmentId, HttpContext http, AdminViews views, FormsDbContext db, RequestHandling handling, DataPaths paths, TenantContext tenant)
    {
        var (submission, forms, refusal) = await OpenAsync(code, http, views, db, handling);
        if (refusal is not null)
        {
            return refusal;
        }

        var attachment = long.TryParse(attachmentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.SubmissionId == submission!.Id, http.RequestAborted)
            : null;
        var folder = Path.GetFullPath(paths.TenantFolder(tenant.Tenant.Name));
        var file = attachment is null ? null : Path.GetFullPath(Path.Combine(folder, attachment.StoredPath));
        if (attachment is null || file is null || !file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            return await MessageAsync(http, views, StatusCodes.Status404NotFound, "FormsAgentFileNotFoundTitle", "FormsAgentFileNotFound");
        }

        await handling.RecordAsync(RequestAudit.RequestFileDownloaded, submission!, forms!.Title(submission!.FormSlug), FileValidator.DisplayName(attachment.FileName));
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);

        // Typed and named from the stored bytes (rows written before this rule included), never from the citizen's
        // claimed type or extension: an "invoice.html" must not reach the agent's disk as HTML.
        var head = new byte[FileValidator.SignatureLength];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, http.RequestAborted);
        stream.Position = 0;
        var (contentType, extension) = FileValidator.VerifiedType(head.AsSpan(0, read));
        var number = Path.GetFileName(attachment.StoredPath) is { Length: > 0 } stored && stored.All(char.IsAsciiDigit)
            ? stored
            : attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.File(stream, contentType, $"piece-jointe-{number}.{extension}");
    }

    /// <summary>An action that may carry a document: the document is read and checked first, and its error shown like the others.</summary>
    private static Func<SubmissionRecord, string, RequestForms, IFormCollection, Task<ErrorLinkView?>> WithDocument(
        HttpContext http, string fieldId, Func<SubmissionRecord, string, IFormCollection, UploadedFile?, Task<ErrorLinkView?>> action) =>
        async (submission, title, forms, form) =>
        {
            var (document, error) = await RequestDocuments.ReadAsync(form, fieldId, http.RequestAborted);
            return error ?? await action(submission, title, form, document);
        };

    /// <summary>A document an agent sent the citizen, for the agents who may see the request; audited like the citizen's files.</summary>
    private static async Task<IResult> DocumentAsync(
        string code, string documentId, HttpContext http, AdminViews views, FormsDbContext db, RequestHandling handling, RequestDocuments documents)
    {
        var (submission, forms, refusal) = await OpenAsync(code, http, views, db, handling);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await documents.OpenAsync(submission!.Id, documentId, http.RequestAborted) is not { } file)
        {
            return await MessageAsync(http, views, StatusCodes.Status404NotFound, "FormsAgentFileNotFoundTitle", "FormsAgentFileNotFound");
        }

        await handling.RecordAsync(RequestAudit.RequestFileDownloaded, submission, forms!.Title(submission.FormSlug), file.DownloadName);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Content, file.ContentType, file.DownloadName);
    }

    private static async Task<IResult> ActAsync(
        string code,
        HttpContext http,
        AdminViews views,
        FormsDbContext db,
        RequestHandling handling,
        string done,
        Func<SubmissionRecord, string, RequestForms, IFormCollection, Task<ErrorLinkView?>> action)
    {
        var (submission, forms, refusal) = await OpenAsync(code, http, views, db, handling);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (await action(submission!, forms!.Title(submission!.FormSlug), forms, form) is { } error)
        {
            // Whatever the agent typed is shown again, nothing lost.
            // (A chosen document cannot be given back to the browser: the error next to its field says to choose it again.)
            var typed = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["statut"] = form["statut"], ["question"] = form["question"], ["agent"] = form["agent"], ["message"] = form["message"], ["note"] = form["note"],
            };
            return await RenderAsync(http, views, db, handling, submission, forms, [error], null, typed, StatusCodes.Status400BadRequest);
        }

        return Results.Redirect(AdminArea.Url(http, RequestRoutes.Detail(submission.TrackingCode)) + "?" + RequestRoutes.DoneParameter + "=" + done);
    }

    /// <summary>The request of the address and the forms, or the French page that refuses it (unknown: 404; reserved to another role: 403).</summary>
    private static async Task<(SubmissionRecord? Submission, RequestForms? Forms, IResult? Refusal)> OpenAsync(
        string code, HttpContext http, AdminViews views, FormsDbContext db, RequestHandling handling)
    {
        var submission = await handling.FindAsync(code, http.RequestAborted);
        if (submission is null)
        {
            return (null, null, await MessageAsync(http, views, StatusCodes.Status404NotFound, "FormsAgentNotFoundTitle", "FormsAgentNotFound"));
        }

        var forms = await RequestForms.LoadAsync(db, http.RequestAborted);
        if (!forms.CanSee(http.User, submission.FormSlug))
        {
            return (null, null, await MessageAsync(http, views, StatusCodes.Status403Forbidden, "FormsAgentReservedTitle", "FormsAgentReserved"));
        }

        return (submission, forms, null);
    }

    private static Task<IResult> MessageAsync(HttpContext http, AdminViews views, int statusCode, string titleKey, string bodyKey) =>
        views.RenderViewAsync(http, "AdminRequestsMessage", FormsText.Get(titleKey), new RequestMessageView(
            [],
            FormsText.Get(titleKey),
            FormsText.Get(bodyKey),
            AdminArea.Url(http, RequestRoutes.Queue)),
        statusCode);

    private static async Task<IResult> RenderAsync(
        HttpContext http,
        AdminViews views,
        FormsDbContext db,
        RequestHandling handling,
        SubmissionRecord submission,
        RequestForms forms,
        List<ErrorLinkView> errors,
        string? notice,
        Dictionary<string, string?>? typed = null,
        int statusCode = StatusCodes.Status200OK)
    {
        var form = forms.Version(submission.FormSlug, submission.FormVersion);
        var lines = form is null ? [] : StoredAnswers.Lines(form, submission.Values);
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.SubmissionId == submission.Id)
            .OrderBy(a => a.Id)
            .ToListAsync(http.RequestAborted);
        var history = await http.RequestServices.GetRequiredService<SubmissionHistory>().ListAsync(submission.Id, forCitizen: false, http.RequestAborted);
        var documents = RequestDocuments.ByLine(
            await http.RequestServices.GetRequiredService<RequestDocuments>().ListAsync(submission.Id, http.RequestAborted),
            id => AdminArea.Url(http, RequestRoutes.Document(submission.TrackingCode, id)));
        var agents = await handling.AgentsAsync(http.RequestAborted);
        var draft = await http.RequestServices.GetRequiredService<RequestContent>().FindAsync(submission, form, http.RequestAborted);
        var basePath = RequestRoutes.Detail(submission.TrackingCode);
        var next = RequestWorkflow.Default.NextOf(submission.Status);
        string? Typed(string name) => typed is not null && typed.TryGetValue(name, out var v) ? v : null;
        string? ErrorOf(string field) => errors.FirstOrDefault(e => e.Href == "#" + field)?.Text;

        return await views.RenderViewAsync(http, "AdminRequestsDetail", FormsText.Format("FormsAgentDetailTitle", submission.TrackingCode), new RequestDetailView
        {
            Errors = errors,
            Notice = notice,
            Code = submission.TrackingCode,
            ListUrl = AdminArea.Url(http, RequestRoutes.Queue),
            FormTitle = forms.Title(submission.FormSlug),
            FormVersion = submission.FormVersion,
            Status = submission.Status.Label(),
            StatusClass = RequestViews.StatusClass(submission.Status),
            Received = Core.Display.BrusselsTime.Format(submission.CreatedUtc),
            Updated = Core.Display.BrusselsTime.Format(submission.UpdatedUtc),
            Assignee = submission.AssigneeName,
            Assigned = submission.AssigneeId is not null,
            AssignedToMe = submission.AssigneeId == RequestQueueEndpoints.UserId(http),
            Email = submission.Email,
            CreatedContent = draft is null ? null : new RequestCreatedContentView(draft.Title, AdminArea.Url(http, draft.EditUrl)),
            Anonymised = submission.AnonymisedUtc is { } wiped ? FormsText.Format("FormsAgentAnonymisedOn", Core.Display.BrusselsTime.Format(wiped)) : null,
            Steps = lines.GroupBy(l => l.StepTitle)
                .Select(g => new RequestStepView(g.Key, g.Select(l => new RequestAnswerView(l.Label, l.Text)).ToList()))
                .ToList(),
            Attachments = attachments
                .Select(a => new RequestAttachmentView(FileValidator.DisplayName(a.FileName), form?.AllFields().FirstOrDefault(f => f.Name == a.FieldName)?.Label ?? a.FieldName, RequestViews.Size(a.Size), AdminArea.Url(http, RequestRoutes.Download(submission.TrackingCode, a.Id))))
                .ToList(),
            History = history.Select(line => RequestViews.History(line, documents)).ToList(),
            Exchange = RequestViews.LatestExchange(history, documents),
            Replied = submission.CitizenRepliedUtc is not null,
            StatusDocumentError = ErrorOf("statut-document"),
            MessageDocumentError = ErrorOf("message-document"),
            DocumentHint = FormsText.Get("FormsAgentDocumentHint"),
            StatusOptions = next.Select(s => new OptionView(s.Slug(), s.Label())).ToList(),
            StatusValue = Typed("statut"),
            StatusFrom = submission.Status.Slug(),
            StatusError = ErrorOf("statut"),
            Question = Typed("question"),
            QuestionError = ErrorOf("question"),
            AgentOptions = agents.Where(a => forms.RolesMaySee(a.Roles, submission.FormSlug)).Select(a => new OptionView(a.Id, a.Email)).ToList(),
            AgentValue = Typed("agent") ?? submission.AssigneeId,
            AgentError = ErrorOf("agent"),
            Message = Typed("message"),
            MessageError = ErrorOf("message"),
            Note = Typed("note"),
            NoteError = ErrorOf("note"),
            MaxLength = RequestHandling.MaxTextLength,
            StatusAction = AdminArea.Url(http, basePath + "/statut"),
            AssignAction = AdminArea.Url(http, basePath + "/attribution"),
            MessageAction = AdminArea.Url(http, basePath + "/message"),
            NoteAction = AdminArea.Url(http, basePath + "/note"),
            JournalUrl = http.User.Has(AdminPermissions.ViewAudit)
                ? AdminArea.Url(http, AuditLogEndpoints.Path) + "?" + AuditLogEndpoints.ObjectParameter + "=" + Uri.EscapeDataString(submission.TrackingCode)
                : null,
        },
        statusCode);
    }
}

/// <summary>A message instead of a request's page (AdminRequestsMessage.liquid): unknown request, reserved form.</summary>
public sealed record RequestMessageView(IReadOnlyList<ErrorLinkView> Errors, string Heading, string Body, string ListUrl) : IAdminPageView;

/// <summary>A request's page (AdminRequestsDetail.liquid): its answers, attachments, history and the officer's forms.</summary>
public sealed record RequestDetailView : IAdminPageView
{
    public required IReadOnlyList<ErrorLinkView> Errors { get; init; }
    public string? Notice { get; init; }
    public required string Code { get; init; }
    public required string ListUrl { get; init; }
    public required string FormTitle { get; init; }
    public int FormVersion { get; init; }
    public required string Status { get; init; }
    public required string StatusClass { get; init; }
    public required string Received { get; init; }
    public required string Updated { get; init; }
    public string? Assignee { get; init; }
    public bool Assigned { get; init; }
    public bool AssignedToMe { get; init; }
    public required string Email { get; init; }
    public RequestCreatedContentView? CreatedContent { get; init; }
    public string? Anonymised { get; init; }
    public required IReadOnlyList<RequestStepView> Steps { get; init; }
    public required IReadOnlyList<RequestAttachmentView> Attachments { get; init; }
    public required IReadOnlyList<RequestHistoryView> History { get; init; }
    public RequestExchangeView? Exchange { get; init; }
    public bool Replied { get; init; }
    public string? StatusDocumentError { get; init; }
    public string? MessageDocumentError { get; init; }
    public required string DocumentHint { get; init; }
    public required IReadOnlyList<OptionView> StatusOptions { get; init; }
    public string? StatusValue { get; init; }
    public required string StatusFrom { get; init; }
    public string? StatusError { get; init; }
    public string? Question { get; init; }
    public string? QuestionError { get; init; }
    public required IReadOnlyList<OptionView> AgentOptions { get; init; }
    public string? AgentValue { get; init; }
    public string? AgentError { get; init; }
    public string? Message { get; init; }
    public string? MessageError { get; init; }
    public string? Note { get; init; }
    public string? NoteError { get; init; }
    public int MaxLength { get; init; }
    public required string StatusAction { get; init; }
    public required string AssignAction { get; init; }
    public required string MessageAction { get; init; }
    public required string NoteAction { get; init; }
    public string? JournalUrl { get; init; }
}
