namespace Municipal.Admin.Review;

/// <summary>An item waiting in the review queue.</summary>
public sealed record ReviewQueueItemView(string Title, string Type, string Author, string SubmittedOn, string SubmittedIso, string? Note, string ReviewUrl);

/// <summary>A line of the revision history.</summary>
public sealed record RevisionRowView(
    long Id,
    int Number,
    string Date,
    string DateIso,
    string Author,
    string Status,
    bool IsLatest,
    string? Review,
    string? ReviewComment,
    string DiffUrl,
    string? RestoreUrl,
    string? LiveDiffUrl = null);

/// <summary>A field that changed, and its words added and removed.</summary>
public sealed record FieldChangeView(string Label, bool ReplacedAsWhole, IReadOnlyList<DiffSegmentView> Segments);

/// <summary>A run of words: "same", "added" or "removed".</summary>
public sealed record DiffSegmentView(string Kind, string Text);

/// <summary>An item of the trash.</summary>
public sealed record TrashItemView(string Id, string Title, string Type, string TrashedOn, string TrashedIso, string RestoreUrl, string DeleteUrl);

/// <summary>The review queue (AdminReviewQueue.liquid): what waits, and the confirmation of the last decision.</summary>
public sealed record ReviewQueueView(IReadOnlyList<ErrorLinkView> Errors, IReadOnlyList<ReviewQueueItemView> Items, string? Notice) : IAdminPageView;

/// <summary>The review page (AdminReview.liquid): the submitted revision against the published one, and the two decisions.</summary>
public sealed record ReviewView(
    IReadOnlyList<ErrorLinkView> Errors,
    string ItemTitle,
    string ItemType,
    string Author,
    string SubmittedOn,
    string SubmittedIso,
    bool Submitted,
    string? StateText,
    string? Note,
    bool IsNew,
    string? PublishedOn,
    IReadOnlyList<FieldChangeView> Changes,
    int UnchangedCount,
    long RevisionId,
    string PreviewUrl,
    string RevisionsUrl,
    string ApproveUrl,
    string SendBackUrl,
    string QueueUrl,
    string? Comment,
    string? CommentError) : IAdminPageView;

/// <summary>A message page of the review (AdminReviewMessage.liquid): not found, or an action refused.</summary>
public sealed record ReviewMessageView(IReadOnlyList<ErrorLinkView> Errors, string Heading, string Message, string BackUrl) : IAdminPageView;

/// <summary>The revision history of an item (AdminRevisions.liquid), and its submission for review.</summary>
public sealed record RevisionsView(
    IReadOnlyList<ErrorLinkView> Errors,
    string ItemTitle,
    string ItemType,
    string? Notice,
    IReadOnlyList<RevisionRowView> Rows,
    bool Trashed,
    string ReviewState,
    string? ReviewComment,
    long LatestId,
    bool CanSubmit,
    string SubmitUrl,
    string? Note,
    string? NoteError,
    string? ReviewUrl,
    string? TrashUrl,
    string TrashListUrl,
    string? EditUrl) : IAdminPageView;

/// <summary>One revision compared with the one before it (AdminRevision.liquid).</summary>
public sealed record RevisionView(
    IReadOnlyList<ErrorLinkView> Errors,
    string ItemTitle,
    string Date,
    string DateIso,
    string Author,
    string Status,
    string? PreviousDate,
    string? PreviousUrl,
    IReadOnlyList<FieldChangeView> Changes,
    int UnchangedCount,
    string? RestoreUrl,
    string RevisionsUrl,
    bool ComparedWithLive = false) : IAdminPageView;

/// <summary>The trash (AdminTrash.liquid): the trashed items, and whether the user may delete them for good.</summary>
public sealed record TrashView(IReadOnlyList<ErrorLinkView> Errors, IReadOnlyList<TrashItemView> Items, string? Notice, bool CanDelete) : IAdminPageView;

/// <summary>The confirmation of a deletion for good (AdminTrashDelete.liquid).</summary>
public sealed record TrashDeleteView(IReadOnlyList<ErrorLinkView> Errors, string? ConfirmError, string ItemTitle, string FormAction, string TrashUrl) : IAdminPageView;

/// <summary>Builds the views of the review, revision and trash pages (dates in Brussels time, French labels).</summary>
public static class ReviewViewModels
{
    /// <summary>"29 novembre 2026 à 14:05", Brussels time, in the request's culture.</summary>
    public static string Date(DateTimeOffset? utc) =>
        utc is { } value ? BrusselsTime.Format(value, CoreText.Get("ReviewDateFormat"), CultureInfo.CurrentCulture) : string.Empty;

    /// <summary>The machine-readable date of a time element.</summary>
    public static string Iso(DateTimeOffset? utc) =>
        utc is { } value ? BrusselsTime.Format(value, "yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>"Brouillon", "Publiée", "Archivée": the status in words, never by colour alone.</summary>
    public static string Status(ContentStatus status) => CoreText.Get("RevisionStatus" + status);

    /// <summary>The content type in words, as the journal names it (the module that brings the type labels it).</summary>
    public static string Type(HttpContext http, string contentType) =>
        Audit.AuditLogEndpoints.TypeLabel(http.RequestServices.GetRequiredService<TextCatalog>(), contentType);

    public static string Author(string? author) => string.IsNullOrWhiteSpace(author) ? CoreText.Get("ReviewUnknownAuthor") : author;

    public static IReadOnlyList<FieldChangeView> Changes(RevisionComparison comparison) =>
        comparison.Changes
            .Select(c => new FieldChangeView(
                c.Label,
                c.Diff.ReplacedAsWhole,
                c.Diff.Segments.Select(s => new DiffSegmentView(s.Kind.ToString().ToLowerInvariant(), s.Text)).ToList()))
            .ToList();

    public static string Url(HttpContext http, string path) => AdminArea.Url(http, path);
}
