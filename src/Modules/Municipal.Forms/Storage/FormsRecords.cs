namespace Municipal.Forms.Storage;

/// <summary>One version of a form's definition (JSON through FormSchemaJson). A submission keeps the version it answered.</summary>
public sealed class FormVersionRecord
{
    public long Id { get; set; }

    public required string Slug { get; set; }

    public int Version { get; set; }

    public required string Definition { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public bool Enabled { get; set; } = true;
}

/// <summary>A citizen's request: the answers (JSON, files as references) and where it stands.</summary>
public sealed class SubmissionRecord
{
    public required string Id { get; set; }

    public required string TrackingCode { get; set; }

    public required string FormSlug { get; set; }

    public int FormVersion { get; set; }

    public required string Email { get; set; }

    public required string Values { get; set; }

    public SubmissionStatus Status { get; set; } = SubmissionStatus.Received;

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>The agent the request is assigned to (an Identity user id), with the name shown in lists.</summary>
    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    /// <summary>Who the national authentication service said sent the request (forms that require sign-in); personal data.</summary>
    public string? CitizenNationalNumber { get; set; }

    public string? CitizenName { get; set; }

    /// <summary>When the retention job wiped the personal answers and attachments; null while they are held.</summary>
    public DateTimeOffset? AnonymisedUtc { get; set; }

    /// <summary>
    /// What the queue's search reads (<see cref="Requests.RequestSearch"/>): the searchable answers, the e-mail and the
    /// citizen's name, lower case without accents. Null for requests stored before it existed; emptied by anonymisation.
    /// </summary>
    public string? SearchText { get; set; }

    /// <summary>Hashes of the national numbers of the request, found only by the full number; emptied by anonymisation.</summary>
    public string? SearchKeys { get; set; }

    /// <summary>
    /// When the citizen answered a question and no agent has acted since ("Réponse reçue"): set by the answer, cleared
    /// when an agent changes the status or writes to the citizen.
    /// </summary>
    public DateTimeOffset? CitizenRepliedUtc { get; set; }
}

/// <summary>
/// One line of a request's history: a status change, an assignment, a message to or from the citizen, an internal
/// note. <see cref="VisibleToCitizen"/> says what the follow-up page shows; internal notes never are.
/// </summary>
public sealed class SubmissionEventRecord
{
    public long Id { get; set; }

    public required string SubmissionId { get; set; }

    public SubmissionEventKind Kind { get; set; }

    public SubmissionStatus? FromStatus { get; set; }

    public SubmissionStatus? ToStatus { get; set; }

    public string? Text { get; set; }

    /// <summary>The agent's user id; null for the citizen or the system.</summary>
    public string? AuthorId { get; set; }

    /// <summary>The name shown: the agent's e-mail, or null for the citizen or the system.</summary>
    public string? AuthorName { get; set; }

    public bool VisibleToCitizen { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>
/// A citizen's answers in progress, saved to be resumed from a mailed link. <see cref="Id"/> is the SHA-256 of the
/// secret token in the link (the token itself is never stored). Files of a draft live under "forms/drafts/&lt;Id&gt;/".
/// </summary>
public sealed class FormDraftRecord
{
    public required string Id { get; set; }

    public required string FormSlug { get; set; }

    public int FormVersion { get; set; }

    public string? Email { get; set; }

    /// <summary>The answers so far (JSON, in the shape the draft code chooses).</summary>
    public required string Values { get; set; }

    /// <summary>The step the citizen was on (0-based).</summary>
    public int Step { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    public DateTimeOffset ExpiresUtc { get; set; }

    /// <summary>The client (<see cref="Core.Security.ClientKey"/>) that last stored files in the draft: its drafts' files count against its quota.</summary>
    public string? ClientKey { get; set; }

    /// <summary>Bytes of the files the draft holds, so that the quotas are a sum in the database rather than a walk of folders.</summary>
    public long FileBytes { get; set; }
}

/// <summary>
/// One mail the public had the e-counter send (a resume link, a receipt), counted by <see cref="Handlers.CitizenMailThrottle"/>.
/// Kept in the tenant's database so that every node counts the same, and swept by the retention run after a day.
/// </summary>
public sealed class CitizenMailRecord
{
    public long Id { get; set; }

    /// <summary>The recipient address, lower case.</summary>
    public required string Recipient { get; set; }

    public required string ClientKey { get; set; }

    public DateTimeOffset SentUtc { get; set; }
}

/// <summary>A file sent with a submission. <see cref="StoredPath"/> is relative to the tenant's private folder.</summary>
public sealed class SubmissionAttachmentRecord
{
    public long Id { get; set; }

    public required string SubmissionId { get; set; }

    public required string FieldName { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string StoredPath { get; set; }
}

/// <summary>
/// A document an agent sent the citizen with a message or a decision (a certificate). Stored beside the request's
/// attachments (<see cref="StoredPath"/>, relative to the tenant's private folder), so it goes with them at anonymisation;
/// the citizen downloads it from the follow-up page only.
/// </summary>
public sealed class RequestDocumentRecord
{
    public long Id { get; set; }

    public required string SubmissionId { get; set; }

    /// <summary>The history line (the message) the document came with.</summary>
    public long EventId { get; set; }

    public SubmissionEventRecord? Event { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string StoredPath { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
