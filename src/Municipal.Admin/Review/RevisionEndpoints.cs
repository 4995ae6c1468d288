namespace Municipal.Admin.Review;

/// <summary>
/// The history of an item: every revision with its date, author and status, each one compared with the one
/// before it, and "restore this version" (a new draft). The page also carries the item's review state and the
/// form that submits it for review.
/// </summary>
internal static class RevisionEndpoints
{
    /// <summary>Query parameter of the confirmations shown at the top of the page after a redirect.</summary>
    public const string NoticeParameter = "avis";

    public const string SubmittedNotice = "soumis";

    /// <summary>Query parameter the edit page receives after a restore (value <see cref="RestoredNotice"/>).</summary>
    public const string RestoredNotice = "revision-restauree";

    /// <summary>Query parameter and value of a revision compared with the published version instead of the one before it.</summary>
    public const string CompareParameter = "avec";

    public const string CompareWithLive = "en-ligne";

    public static Task<IResult> RevisionsAsync(string id, HttpContext http, AdminViews views, TenantDbContext db) =>
        RenderRevisionsAsync(http, views, db, ContentAdminRoutes.IdFromRoute(id), [], note: null, StatusCodes.Status200OK);

    /// <summary>The history page, with the errors of a refused submission when there are some.</summary>
    public static async Task<IResult> RenderRevisionsAsync(HttpContext http, AdminViews views, TenantDbContext db, string contentItemId, List<ErrorLinkView> errors, string? note, int statusCode)
    {
        var revisions = await db.ContentItems.AsNoTracking().Where(i => i.ContentItemId == contentItemId).OrderByDescending(i => i.Id).ToListAsync(http.RequestAborted);
        if (revisions.Count == 0)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }

        var latest = revisions[0];
        var trashed = latest.TrashedUtc is not null;
        var live = revisions.FirstOrDefault(r => r.Status == ContentStatus.Published);
        var rows = revisions.Select((r, index) => new RevisionRowView(
            r.Id,
            revisions.Count - index,
            ReviewViewModels.Date(r.ModifiedUtc),
            ReviewViewModels.Iso(r.ModifiedUtc),
            ReviewViewModels.Author(r.Author),
            ReviewViewModels.Status(r.Status),
            r.Latest,
            r.ReviewState == ReviewState.None ? null : CoreText.Get("ReviewState" + r.ReviewState),
            r.ReviewState == ReviewState.None ? null : r.ReviewComment,
            ReviewViewModels.Url(http, ContentAdminRoutes.Revision(contentItemId, r.Id)),
            r.Latest || trashed ? null : ReviewViewModels.Url(http, ContentAdminRoutes.RestoreRevision(contentItemId, r.Id)),
            live is null || live.Id == r.Id ? null : LiveDiffUrl(http, contentItemId, r.Id)))
            .ToList();
        var notice = http.Request.Query[NoticeParameter].ToString() switch
        {
            SubmittedNotice => CoreText.Get("ReviewNoticeSubmitted"),
            _ => null,
        };
        var noteError = errors.FirstOrDefault(e => e.Href == "#note")?.Text;
        return await views.RenderViewAsync(http, "AdminRevisions", CoreText.Format("RevisionsTitle", latest.DisplayText), new RevisionsView(
            errors,
            latest.DisplayText,
            ReviewViewModels.Type(http, latest.ContentType),
            notice,
            rows,
            trashed,
            latest.ReviewState.ToString(),
            latest.ReviewComment,
            latest.Id,
            !trashed && latest.ReviewState != ReviewState.Submitted,
            ReviewViewModels.Url(http, ContentAdminRoutes.Submit(contentItemId)),
            note,
            noteError,
            latest.ReviewState == ReviewState.Submitted && http.User.Has(AdminPermissions.PublishContent)
                ? ReviewViewModels.Url(http, ContentAdminRoutes.Review(contentItemId))
                : null,
            !trashed && http.User.Has(AdminPermissions.PublishContent) ? ReviewViewModels.Url(http, ContentAdminRoutes.MoveToTrash(contentItemId)) : null,
            ReviewViewModels.Url(http, ContentAdminRoutes.Trash),
            trashed ? null : ReviewViewModels.Url(http, ContentAdminRoutes.Edit(contentItemId))), statusCode);
    }

    private static string LiveDiffUrl(HttpContext http, string contentItemId, long revisionId) =>
        ReviewViewModels.Url(http, ContentAdminRoutes.Revision(contentItemId, revisionId)) + $"?{CompareParameter}={CompareWithLive}";

    /// <summary>
    /// One revision compared with the one saved before it (the first one: everything is new), or, with
    /// <c>?avec=en-ligne</c>, with the version online now (404 when none is).
    /// </summary>
    public static async Task<IResult> RevisionAsync(string id, long rev, HttpContext http, AdminViews views, TenantDbContext db)
    {
        var contentItemId = ContentAdminRoutes.IdFromRoute(id);
        var revision = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == rev && i.ContentItemId == contentItemId, http.RequestAborted);
        if (revision is null)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }

        var withLive = http.Request.Query[CompareParameter] == CompareWithLive;
        var previous = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentItemId == contentItemId && (withLive ? i.Status == ContentStatus.Published : i.Id < rev))
            .OrderByDescending(i => i.Id)
            .FirstOrDefaultAsync(http.RequestAborted);
        if (withLive && previous is null)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }

        var comparison = RevisionDiff.Compare(previous, revision);
        var date = ReviewViewModels.Date(revision.ModifiedUtc);
        return await views.RenderViewAsync(http, "AdminRevision", CoreText.Format("RevisionTitle", revision.DisplayText, date), new RevisionView(
            [],
            revision.DisplayText,
            date,
            ReviewViewModels.Iso(revision.ModifiedUtc),
            ReviewViewModels.Author(revision.Author),
            ReviewViewModels.Status(revision.Status),
            previous is null ? null : ReviewViewModels.Date(previous.ModifiedUtc),
            previous is null ? null : ReviewViewModels.Url(http, ContentAdminRoutes.Revision(contentItemId, previous.Id)),
            ReviewViewModels.Changes(comparison),
            comparison.UnchangedCount,
            revision.Latest || revision.TrashedUtc is not null ? null : ReviewViewModels.Url(http, ContentAdminRoutes.RestoreRevision(contentItemId, rev)),
            ReviewViewModels.Url(http, ContentAdminRoutes.Revisions(contentItemId)),
            withLive));
    }

    /// <summary>A new draft holding the old revision's content; the edit page opens with a confirmation.</summary>
    public static async Task<IResult> RestoreAsync(string id, long rev, HttpContext http, AdminViews views, TenantDbContext db, ContentManager manager)
    {
        var contentItemId = ContentAdminRoutes.IdFromRoute(id);
        if (!await db.ContentItems.AnyAsync(i => i.Id == rev && i.ContentItemId == contentItemId, http.RequestAborted))
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }

        try
        {
            await manager.RestoreAsync(rev, ReviewPages.UserName(http), http.RequestAborted);
        }
        catch (ContentConflictException conflict)
        {
            return await ReviewPages.ConflictAsync(http, views, conflict.Message, ContentAdminRoutes.Revisions(contentItemId));
        }

        return Results.Redirect(ReviewViewModels.Url(http, ContentAdminRoutes.Edit(contentItemId)) + $"?{NoticeParameter}={RestoredNotice}");
    }
}
