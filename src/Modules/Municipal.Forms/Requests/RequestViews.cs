namespace Municipal.Forms.Requests;

/// <summary>A request in the queue.</summary>
public sealed record RequestRowView(string Code, string Url, string FormTitle, string Received, string ReceivedIso, string Status, string StatusClass, string Assignee, bool Replied);

/// <summary>The answers of one step of the form, on the request's page.</summary>
public sealed record RequestStepView(string Title, IReadOnlyList<RequestAnswerView> Answers);

public sealed record RequestAnswerView(string Label, string Text);

/// <summary>A file sent with the request, with its download link.</summary>
public sealed record RequestAttachmentView(string Name, string Field, string Size, string Url);

/// <summary>A line of the request's history, with the documents the agent sent with it.</summary>
public sealed record RequestHistoryView(
    string Kind, string Date, string DateIso, string Author, string? Change, string? Text, bool Internal, IReadOnlyList<RequestDocumentView> Documents);

/// <summary>The latest exchange with the citizen, near the top of the request's page: the agent's message and the citizen's answer, if any.</summary>
public sealed record RequestExchangeView(RequestHistoryView Question, RequestHistoryView? Answer);

/// <summary>The back office's addresses of the e-counter's requests.</summary>
public static class RequestRoutes
{
    public const string Prefix = "/e-guichet";
    public const string Queue = "/admin/e-guichet";
    public const string Export = Queue + "/export.csv";
    public const string DoneParameter = "fait";

    public static string Detail(string code) => Queue + "/demandes/" + Uri.EscapeDataString(code);

    public static string Download(string code, long attachmentId) =>
        Detail(code) + "/fichiers/" + attachmentId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A document an agent sent, for the agents.</summary>
    public static string Document(string code, long documentId) =>
        Detail(code) + "/documents/" + documentId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How requests read on the back office's pages.</summary>
public static class RequestViews
{
    public static RequestRowView Row(HttpContext http, SubmissionRecord submission, RequestForms forms) => new(
        submission.TrackingCode,
        AdminArea.Url(http, RequestRoutes.Detail(submission.TrackingCode)),
        forms.Title(submission.FormSlug),
        BrusselsTime.Format(submission.CreatedUtc),
        submission.CreatedUtc.ToString("O", CultureInfo.InvariantCulture),
        submission.Status.Label(),
        StatusClass(submission.Status),
        submission.AssigneeName ?? FormsText.Get("FormsAgentAssigneeNobody"),
        submission.CitizenRepliedUtc is not null);

    /// <summary>The tag's class: a border and a colour per status, but the status is always written out.</summary>
    public static string StatusClass(SubmissionStatus status) => "status-tag status-tag-request-" + status.Slug();

    public static RequestHistoryView History(SubmissionEventRecord line, ILookup<long, RequestDocumentView> documents) => new(
        FormsText.Get("FormsEvent" + line.Kind),
        BrusselsTime.Format(line.CreatedUtc),
        line.CreatedUtc.ToString("O", CultureInfo.InvariantCulture),
        line.AuthorName ?? FormsText.Get(line.Kind == SubmissionEventKind.CitizenReply ? "FormsAgentAuthorCitizen" : "FormsAgentAuthorSystem"),
        line.ToStatus is { } to
            ? line.FromStatus is { } from ? FormsText.Format("FormsAgentHistoryChange", from.Label(), to.Label()) : to.Label()
            : null,
        line.Text,
        !line.VisibleToCitizen,
        documents[line.Id].ToList());

    /// <summary>The last message to the citizen and the answer that followed it (null when the agents never wrote).</summary>
    public static RequestExchangeView? LatestExchange(IReadOnlyList<SubmissionEventRecord> lines, ILookup<long, RequestDocumentView> documents)
    {
        var question = lines.LastOrDefault(l => l.Kind == SubmissionEventKind.MessageToCitizen);
        if (question is null)
        {
            return null;
        }

        var answer = lines.FirstOrDefault(l => l.Kind == SubmissionEventKind.CitizenReply && l.Id > question.Id);
        return new RequestExchangeView(History(question, documents), answer is null ? null : History(answer, documents));
    }

    /// <summary>"12 Ko", "1,4 Mo".</summary>
    public static string Size(long bytes) =>
        bytes < 1024 ? FormsText.Format("FormsAgentSizeBytes", bytes)
        : bytes < 1024 * 1024 ? FormsText.Format("FormsAgentSizeKilobytes", Math.Ceiling(bytes / 1024.0))
        : FormsText.Format("FormsAgentSizeMegabytes", (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.GetCultureInfo("fr-BE")));

    /// <summary>The confirmation after an action (?fait=statut...), or null.</summary>
    public static string? Notice(HttpContext http) => http.Request.Query[RequestRoutes.DoneParameter].ToString() switch
    {
        "statut" => FormsText.Get("FormsAgentDoneStatus"),
        "attribution" => FormsText.Get("FormsAgentDoneAssign"),
        "message" => FormsText.Get("FormsAgentDoneMessage"),
        "note" => FormsText.Get("FormsAgentDoneNote"),
        _ => null,
    };
}
