using Microsoft.Extensions.Logging;

namespace Municipal.Forms.Requests;

/// <summary>A user who may be given requests to handle.</summary>
public sealed record RequestAgent(string Id, string Email, IReadOnlyList<string> Roles);

/// <summary>
/// What an agent does to a request: change its status along <see cref="RequestWorkflow"/>, assign it, write to the
/// citizen, add an internal note. Each change and its history line are saved together (SubmissionHistory.Stage,
/// then one SaveChanges), then written to the audit log. A refusal comes back as a French error for its field.
/// </summary>
public sealed partial class RequestHandling(
    FormsDbContext db,
    SubmissionHistory history,
    SubmissionMail mail,
    RequestDocuments documents,
    AuditLog audit,
    TenantUsers users,
    PermissionCatalog permissions,
    RequestContent content,
    ILogger<RequestHandling> logger)
{
    /// <summary>The audit log's object type of a request (labelled "AuditType.Request").</summary>
    public const string AuditObjectType = "Request";

    public const int MaxTextLength = 5000;

    /// <summary>The request with this tracking code (typed loosely: spaces, lower case), tracked for a change.</summary>
    public async Task<SubmissionRecord?> FindAsync(string? code, CancellationToken cancellationToken) =>
        TrackingCodes.Parse(code) is { } canonical
            ? await db.Submissions.FirstOrDefaultAsync(s => s.TrackingCode == canonical, cancellationToken)
            : null;

    /// <summary>The tenant's users who handle requests (administrators and agents), not disabled, by e-mail.</summary>
    public async Task<IReadOnlyList<RequestAgent>> AgentsAsync(CancellationToken cancellationToken)
    {
        var handlers = permissions.RolesFor(FormsModule.HandleRequests);
        return (await users.ListAsync(cancellationToken))
            .Where(u => u.State != UserState.Disabled && u.Roles.Any(handlers.Contains))
            .Select(u => new RequestAgent(u.User.Id, u.User.Email ?? u.User.UserName ?? u.User.Id, u.Roles))
            .ToList();
    }

    /// <summary>
    /// <paramref name="seenSlug"/> is the status the agent's page showed: when another agent changed it meanwhile,
    /// the change is refused and the page shows the current status, so nobody decides on a stale page.
    /// A <paramref name="document"/> (the certificate) goes with the message, which it then needs.
    /// </summary>
    public async Task<ErrorLinkView?> ChangeStatusAsync(
        HttpContext http, SubmissionRecord submission, string formTitle, string? statusSlug, string? question, string? seenSlug = null, UploadedFile? document = null)
    {
        if (!string.IsNullOrEmpty(seenSlug) && seenSlug != submission.Status.Slug())
        {
            return new ErrorLinkView(FormsText.Format("FormsAgentStatusChangedMeanwhile", submission.Status.Label()), "#statut");
        }

        if (RequestStatusSlugs.Parse(statusSlug) is not { } to)
        {
            return new ErrorLinkView(FormsText.Get("FormsAgentStatusRequired"), "#statut");
        }

        if (RequestWorkflow.Default.Refusal(submission.Status, to) is { } refusal)
        {
            return new ErrorLinkView(refusal, "#statut");
        }

        // The question of "Information demandée" is required; with any other status, a message is optional
        // ("Votre certificat est prêt") and goes the same way: history, follow-up page, e-mail.
        var text = question?.Trim() ?? string.Empty;
        var sends = text.Length > 0 || RequestWorkflow.NeedsQuestion(to) || document is not null;
        if (sends)
        {
            if (submission.AnonymisedUtc is not null)
            {
                // The page of an anonymised request has no message field: the error points at the status.
                return new ErrorLinkView(FormsText.Get("FormsAgentAnonymisedNoMessage"), "#statut");
            }

            var requiredKey = document is not null && !RequestWorkflow.NeedsQuestion(to) ? "FormsAgentDocumentNeedsMessage" : "FormsAgentQuestionRequired";
            if (TextError(text, "question", requiredKey) is { } error)
            {
                return error;
            }
        }

        var from = submission.Status;
        var (authorId, authorName) = Author(http);

        // A form that maps onto a content type: its draft is made (or found) before the status moves, so a failure
        // leaves the request as it was, and accepting again finds the same draft.
        var draft = to == SubmissionStatus.Accepted ? await content.CreateAsync(submission, formTitle, http.RequestAborted) : null;
        history.Stage(submission, SubmissionEventKind.StatusChanged, null, visibleToCitizen: true, authorId, authorName, to);
        if (draft is not null)
        {
            history.Stage(submission, SubmissionEventKind.InternalNote, FormsText.Format("FormsAgentDraftLine", draft.Title), visibleToCitizen: false, authorId, authorName);
        }

        submission.CitizenRepliedUtc = null;
        if (sends)
        {
            var line = history.Stage(submission, SubmissionEventKind.MessageToCitizen, text, visibleToCitizen: true, authorId, authorName);
            await SaveWithDocumentAsync(submission, line, document, http.RequestAborted);
            await MailAsync(formTitle, submission, text, FormsText.Get("FormsMailHappened" + to), document);
        }
        else
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }

        await RecordAsync(RequestAudit.RequestStatusChanged, submission, formTitle, FormsText.Format("FormsAgentAuditStatus", from.Label(), to.Label()));
        return null;
    }

    /// <summary>Assigns to <paramref name="agentValue"/>: "moi", "personne" (unassigns) or an agent's id.</summary>
    public async Task<ErrorLinkView?> AssignAsync(HttpContext http, SubmissionRecord submission, string formTitle, RequestForms forms, string? agentValue)
    {
        var (meId, meName) = Author(http);
        string? id;
        string? name;
        switch (agentValue?.Trim())
        {
            case RequestFilter.AgentNobody:
                (id, name) = (null, null);
                break;
            case RequestFilter.AgentMe:
                (id, name) = (meId, meName);
                break;
            case { Length: > 0 } agentId:
                var agent = (await AgentsAsync(http.RequestAborted)).FirstOrDefault(a => a.Id == agentId);
                if (agent is null)
                {
                    return new ErrorLinkView(FormsText.Get("FormsAgentAssigneeUnknown"), "#agent");
                }

                if (!forms.RolesMaySee(agent.Roles, submission.FormSlug))
                {
                    return new ErrorLinkView(FormsText.Format("FormsAgentAssigneeNotInRole", agent.Email, UserStates.RoleLabel(forms.LatestOf(submission.FormSlug)?.AgentRole ?? string.Empty)), "#agent");
                }

                (id, name) = (agent.Id, agent.Email);
                break;
            default:
                return new ErrorLinkView(FormsText.Get("FormsAgentAssigneeRequired"), "#agent");
        }

        if (string.Equals(id, submission.AssigneeId, StringComparison.Ordinal))
        {
            return null;
        }

        submission.AssigneeId = id;
        submission.AssigneeName = name;
        var line = name is null ? FormsText.Get("FormsAgentUnassignedLine") : FormsText.Format("FormsAgentAssignedLine", name);
        history.Stage(submission, SubmissionEventKind.Assigned, line, visibleToCitizen: false, meId, meName);
        await db.SaveChangesAsync(http.RequestAborted);
        await RecordAsync(RequestAudit.RequestAssigned, submission, formTitle, line);
        return null;
    }

    /// <summary>A message to the citizen, with a <paramref name="document"/> or not; it answers the citizen's reply when there is one waiting.</summary>
    public async Task<ErrorLinkView?> MessageAsync(HttpContext http, SubmissionRecord submission, string formTitle, string? message, UploadedFile? document = null)
    {
        if (submission.AnonymisedUtc is not null)
        {
            return new ErrorLinkView(FormsText.Get("FormsAgentAnonymisedNoMessage"), "#message");
        }

        var text = message?.Trim() ?? string.Empty;
        if (TextError(text, "message", document is null ? "FormsAgentMessageRequired" : "FormsAgentDocumentNeedsMessage") is { } error)
        {
            return error;
        }

        var happened = FormsText.Get(submission.CitizenRepliedUtc is null ? "FormsMailHappenedMessage" : "FormsMailHappenedAnswer");
        var (authorId, authorName) = Author(http);
        var line = history.Stage(submission, SubmissionEventKind.MessageToCitizen, text, visibleToCitizen: true, authorId, authorName);
        submission.CitizenRepliedUtc = null;
        await SaveWithDocumentAsync(submission, line, document, http.RequestAborted);
        await MailAsync(formTitle, submission, text, happened, document);
        await RecordAsync(RequestAudit.RequestMessaged, submission, formTitle, null);
        return null;
    }

    public async Task<ErrorLinkView?> NoteAsync(HttpContext http, SubmissionRecord submission, string formTitle, string? note)
    {
        if (await WriteLineAsync(http, submission, SubmissionEventKind.InternalNote, note?.Trim() ?? string.Empty, visibleToCitizen: false, "note", "FormsAgentNoteRequired") is { } error)
        {
            return error;
        }

        await RecordAsync(RequestAudit.RequestNoted, submission, formTitle, null);
        return null;
    }

    /// <summary>Writes an audit line about a request (its code is the object id, so the journal can show one request's lines).</summary>
    public Task RecordAsync(string action, SubmissionRecord submission, string formTitle, string? details) =>
        audit.RecordAsync(action, AuditObjectType, submission.TrackingCode, $"{submission.TrackingCode} – {formTitle}", details, CancellationToken.None);

    /// <summary>The signed-in agent as history lines name them: their id and e-mail.</summary>
    public static (string? Id, string? Name) Author(HttpContext http) =>
        (http.User.FindFirstValue(ClaimTypes.NameIdentifier), http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity?.Name);

    /// <summary>
    /// The officer's text as a line of the request's history, signed by them and saved (seen by the citizen when it is a
    /// message); or else the error of a text empty or too long, with the form field it points to.
    /// </summary>
    private async Task<ErrorLinkView?> WriteLineAsync(HttpContext http, SubmissionRecord submission, SubmissionEventKind kind, string text, bool visibleToCitizen, string field, string requiredKey)
    {
        if (TextError(text, field, requiredKey) is { } error)
        {
            return error;
        }

        var (authorId, authorName) = Author(http);
        history.Stage(submission, kind, text, visibleToCitizen, authorId, authorName);
        await db.SaveChangesAsync(http.RequestAborted);
        return null;
    }

    private static ErrorLinkView? TextError(string text, string field, string requiredKey) =>
        text.Length == 0 ? new ErrorLinkView(FormsText.Get(requiredKey), "#" + field)
        : text.Length > MaxTextLength ? new ErrorLinkView(FormsText.Format("FormsAgentTextTooLong", MaxTextLength, text.Length), "#" + field)
        : null;

    /// <summary>Saves the staged message with its document (written first, deleted again when the commit fails).</summary>
    private async Task SaveWithDocumentAsync(SubmissionRecord submission, SubmissionEventRecord line, UploadedFile? document, CancellationToken cancellationToken)
    {
        var staged = document is null ? null : await documents.StageAsync(submission, line, document, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch when (staged is not null)
        {
            documents.Forget(staged);
            throw;
        }
    }

    /// <summary>
    /// The message is saved (and shown on the follow-up page) before it is queued: a mail that cannot be queued is
    /// logged, never a reason to lose what the agent wrote. Its subject says what happened (<paramref name="happened"/>);
    /// a document is named, never attached: the citizen downloads it from the follow-up page.
    /// </summary>
    private async Task MailAsync(string formTitle, SubmissionRecord submission, string text, string happened, UploadedFile? document)
    {
        try
        {
            var body = document is null ? text : text + "\n\n" + FormsText.Format("FormsMailDocumentLine", FileValidator.DisplayName(document.Name));
            await mail.EnqueueAgentMessageAsync(formTitle, submission, body, happened, document is not null, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogMessageNotQueued(logger, exception, submission.TrackingCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The agent's message about request {TrackingCode} could not be queued; it is stored in the history.")]
    private static partial void LogMessageNotQueued(ILogger logger, Exception exception, string trackingCode);
}
