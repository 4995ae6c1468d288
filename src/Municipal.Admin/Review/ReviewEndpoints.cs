using Municipal.Admin.Content;

namespace Municipal.Admin.Review;

/// <summary>
/// The review workflow's pages: an author submits, editors see the queue, compare the submitted version with the
/// published one, then approve (publish) or send it back with a required comment.
/// </summary>
internal static class ReviewEndpoints
{
    private const string PublishedParameter = "publie";
    private const string SentBackParameter = "renvoye";
    private const string ScheduledParameter = "programme";

    public static async Task<IResult> SubmitAsync(string id, HttpContext http, AdminViews views, TenantDbContext db, ContentWorkflow workflow, ReviewMail mail)
    {
        var contentItemId = ContentAdminRoutes.IdFromRoute(id);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var note = form["note"].ToString().Trim();
        long? expected = long.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;
        if (note.Length > ContentWorkflow.MaxCommentLength)
        {
            var tooLong = new ErrorLinkView(CoreText.Format("ReviewNoteTooLong", ContentWorkflow.MaxCommentLength), "#note");
            return await RevisionEndpoints.RenderRevisionsAsync(http, views, db, contentItemId, [tooLong], note, StatusCodes.Status400BadRequest);
        }

        ContentItemRecord submitted;
        try
        {
            submitted = await workflow.SubmitAsync(contentItemId, expected, note, http.RequestAborted);
        }
        catch (ContentNotFoundException)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }
        catch (WorkflowException refused)
        {
            var error = new ErrorLinkView(ReviewPages.Reason(refused.Refusal), "#review-state");
            return await RevisionEndpoints.RenderRevisionsAsync(http, views, db, contentItemId, [error], note, StatusCodes.Status409Conflict);
        }

        await mail.NotifyReviewersAsync(http, submitted, ReviewPages.UserName(http), http.RequestAborted);
        return Results.Redirect(ReviewViewModels.Url(http, ContentAdminRoutes.Revisions(contentItemId))
            + $"?{RevisionEndpoints.NoticeParameter}={RevisionEndpoints.SubmittedNotice}");
    }

    public static async Task<IResult> QueueAsync(HttpContext http, AdminViews views, TenantDbContext db, ContentWorkflow workflow)
    {
        var queue = await workflow.QueueAsync(http.RequestAborted);
        var items = queue.Select(i => new ReviewQueueItemView(
            i.DisplayText,
            ReviewViewModels.Type(http, i.ContentType),
            ReviewViewModels.Author(i.Author),
            ReviewViewModels.Date(i.ModifiedUtc),
            ReviewViewModels.Iso(i.ModifiedUtc),
            i.ReviewComment,
            ReviewViewModels.Url(http, ContentAdminRoutes.Review(i.ContentItemId))))
            .ToList();
        return await views.RenderViewAsync(http, "AdminReviewQueue", CoreText.Get("ReviewQueueTitle"), new ReviewQueueView([], items, await QueueNoticeAsync(http, db)));
    }

    public static Task<IResult> ReviewAsync(string id, HttpContext http, AdminViews views, TenantDbContext db) =>
        RenderReviewAsync(http, views, db, ContentAdminRoutes.IdFromRoute(id), [], comment: null, StatusCodes.Status200OK);

    /// <summary>Approves and publishes, or schedules when the item's publication date is to come (a news article dated tomorrow).</summary>
    public static async Task<IResult> ApproveAsync(string id, HttpContext http, AdminViews views, TenantDbContext db, ContentWorkflow workflow, ContentEditors editors, TenantContext tenant, TimeProvider clock)
    {
        var contentItemId = ContentAdminRoutes.IdFromRoute(id);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var latest = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Latest, http.RequestAborted);
        var due = latest is not null && editors.Find(tenant.Tenant, latest.ContentType) is { } editor ? PublicationDates.LatestDue(editor, latest, clock.GetUtcNow()) : null;
        try
        {
            await workflow.ApproveAsync(contentItemId, RevisionOf(form), ReviewPages.UserName(http), due, http.RequestAborted);
        }
        catch (ContentNotFoundException)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }
        catch (WorkflowException refused)
        {
            return await RenderReviewAsync(http, views, db, contentItemId, [Decision(ReviewPages.Reason(refused.Refusal))], comment: null, StatusCodes.Status409Conflict);
        }
        catch (ContentConflictException conflict)
        {
            return await RenderReviewAsync(http, views, db, contentItemId, [Decision(conflict.Message)], comment: null, StatusCodes.Status409Conflict);
        }

        return Results.Redirect(ReviewViewModels.Url(http, ContentAdminRoutes.ReviewQueue) + $"?{(due is null ? PublishedParameter : ScheduledParameter)}={Uri.EscapeDataString(contentItemId)}");
    }

    public static async Task<IResult> SendBackAsync(string id, HttpContext http, AdminViews views, TenantDbContext db, ContentWorkflow workflow, ReviewMail mail)
    {
        var contentItemId = ContentAdminRoutes.IdFromRoute(id);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var comment = form["comment"].ToString().Trim();
        string? commentError = comment.Length == 0
            ? CoreText.Get("ReviewCommentRequired")
            : comment.Length > ContentWorkflow.MaxCommentLength ? CoreText.Format("ReviewCommentTooLong", ContentWorkflow.MaxCommentLength) : null;
        if (commentError is not null)
        {
            return await RenderReviewAsync(http, views, db, contentItemId, [new ErrorLinkView(commentError, "#comment")], comment, StatusCodes.Status400BadRequest);
        }

        ContentItemRecord sentBack;
        try
        {
            sentBack = await workflow.SendBackAsync(contentItemId, RevisionOf(form), comment, http.RequestAborted);
        }
        catch (ContentNotFoundException)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }
        catch (WorkflowException refused)
        {
            return await RenderReviewAsync(http, views, db, contentItemId, [Decision(ReviewPages.Reason(refused.Refusal))], comment, StatusCodes.Status409Conflict);
        }

        await mail.NotifyAuthorAsync(http, sentBack, comment, http.RequestAborted);
        return Results.Redirect(ReviewViewModels.Url(http, ContentAdminRoutes.ReviewQueue) + $"?{SentBackParameter}={Uri.EscapeDataString(contentItemId)}");
    }

    /// <summary>The review page: the submitted revision against the published one, the author's note, the two decisions.</summary>
    private static async Task<IResult> RenderReviewAsync(HttpContext http, AdminViews views, TenantDbContext db, string contentItemId, List<ErrorLinkView> errors, string? comment, int statusCode)
    {
        var latest = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Latest, http.RequestAborted);
        if (latest is null || latest.TrashedUtc is not null)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }

        var published = await db.ContentItems.AsNoTracking()
            .SingleOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Status == ContentStatus.Published, http.RequestAborted);
        var comparison = RevisionDiff.Compare(published, latest);
        var submitted = latest.ReviewState == ReviewState.Submitted;
        return await views.RenderViewAsync(http, "AdminReview", CoreText.Format("ReviewTitle", latest.DisplayText), new ReviewView(
            errors,
            latest.DisplayText,
            ReviewViewModels.Type(http, latest.ContentType),
            ReviewViewModels.Author(latest.Author),
            ReviewViewModels.Date(latest.ModifiedUtc),
            ReviewViewModels.Iso(latest.ModifiedUtc),
            submitted,
            submitted ? null : CoreText.Get("ReviewNotWaiting"),
            submitted ? latest.ReviewComment : null,
            published is null,
            published is null ? null : ReviewViewModels.Date(published.PublishedUtc ?? published.ModifiedUtc),
            ReviewViewModels.Changes(comparison),
            comparison.UnchangedCount,
            latest.Id,
            ReviewViewModels.Url(http, ContentAdminRoutes.Preview(contentItemId)),
            ReviewViewModels.Url(http, ContentAdminRoutes.Revisions(contentItemId)),
            ReviewViewModels.Url(http, ContentAdminRoutes.Approve(contentItemId)),
            ReviewViewModels.Url(http, ContentAdminRoutes.SendBack(contentItemId)),
            ReviewViewModels.Url(http, ContentAdminRoutes.ReviewQueue),
            comment,
            errors.FirstOrDefault(e => e.Href == "#comment")?.Text), statusCode);
    }

    /// <summary>"« X » a été publié" or "renvoyé" after a decision, read from the item so the address cannot make it say anything else.</summary>
    private static async Task<string?> QueueNoticeAsync(HttpContext http, TenantDbContext db)
    {
        var (key, id) = http.Request.Query[PublishedParameter].ToString() is { Length: > 0 } published
            ? ("ReviewNoticeApproved", published)
            : http.Request.Query[ScheduledParameter].ToString() is { Length: > 0 } scheduled
                ? ("ReviewNoticeApprovedScheduled", scheduled)
                : http.Request.Query[SentBackParameter].ToString() is { Length: > 0 } sentBack ? ("ReviewNoticeSentBack", sentBack) : (null, null);
        if (key is null)
        {
            return null;
        }

        var title = await db.ContentItems.AsNoTracking().Where(i => i.ContentItemId == id && i.Latest).Select(i => i.DisplayText).FirstOrDefaultAsync(http.RequestAborted);
        return title is null ? null : CoreText.Format(key, title);
    }

    /// <summary>The revision the page was showing; a form without one is treated as showing an old version.</summary>
    private static long RevisionOf(IFormCollection form) =>
        long.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : -1;

    private static ErrorLinkView Decision(string message) => new(message, "#review-decision");
}
