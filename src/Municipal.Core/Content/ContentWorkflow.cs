namespace Municipal.Core.Content;

/// <summary>Why a review action could not be done; the page says it in French, nothing is changed.</summary>
public enum WorkflowRefusal
{
    /// <summary>The item is not (or no longer) waiting for review.</summary>
    NotSubmitted,

    /// <summary>The item was saved again since the page was shown: the reviewer must look at the new version.</summary>
    ChangedSince,

    /// <summary>Already waiting for review.</summary>
    AlreadySubmitted,

    /// <summary>In the trash.</summary>
    Trashed,
}

/// <summary>A review action refused for a reason the user can act on (answered 409 with the reason).</summary>
public sealed class WorkflowException : Exception
{
    public WorkflowException(WorkflowRefusal refusal)
        : base(refusal.ToString()) => Refusal = refusal;

    public WorkflowException()
        : this(WorkflowRefusal.NotSubmitted)
    {
    }

    public WorkflowException(string message)
        : base(message)
    {
    }

    public WorkflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WorkflowRefusal Refusal { get; }
}

/// <summary>
/// The review workflow, kept on the item's latest revision: an author submits it (with a note), an editor approves
/// it (it is published) or sends it back with a comment. Any new save makes a new revision whose state is "none":
/// a submitted version that changes must be submitted again, so an editor never approves what they have not seen.
/// </summary>
public sealed class ContentWorkflow(TenantDbContext db, ContentManager manager, AuditLog audit, TimeProvider clock)
{
    /// <summary>Longest note or comment kept (a few paragraphs).</summary>
    public const int MaxCommentLength = 4000;

    /// <summary>Submits the latest revision; <paramref name="expectedRevisionId"/> (when given) must still be the latest.</summary>
    public async Task<ContentItemRecord> SubmitAsync(string contentItemId, long? expectedRevisionId, string? note, CancellationToken cancellationToken = default)
    {
        var latest = await LatestAsync(contentItemId, expectedRevisionId, cancellationToken);
        if (latest.ReviewState == ReviewState.Submitted)
        {
            throw new WorkflowException(WorkflowRefusal.AlreadySubmitted);
        }

        latest.ReviewState = ReviewState.Submitted;
        latest.ReviewComment = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        latest.ModifiedUtc = clock.GetUtcNow();
        audit.Add(AuditActions.Submitted, latest.ContentType, contentItemId, latest.DisplayText, latest.ReviewComment);
        await db.SaveChangesAsync(cancellationToken);
        return latest;
    }

    /// <summary>
    /// Publishes the submitted revision <paramref name="revisionId"/> (the one the editor reviewed), or, with
    /// <paramref name="publishAt"/> (its publication date is to come), approves it and schedules its publication then.
    /// </summary>
    public async Task<ContentItemRecord> ApproveAsync(string contentItemId, long revisionId, string? editor, DateTimeOffset? publishAt = null, CancellationToken cancellationToken = default)
    {
        var latest = await SubmittedAsync(contentItemId, revisionId, cancellationToken);
        latest.ReviewState = ReviewState.None;
        latest.ReviewComment = null;
        audit.Add(AuditActions.Approved, latest.ContentType, contentItemId, latest.DisplayText);
        if (publishAt is { } at)
        {
            // The approval is saved with the schedule's audit line.
            await manager.SchedulePublishAsync(contentItemId, at, cancellationToken);
            return latest;
        }

        try
        {
            // One SaveChanges: the state, the approval and the publication are stored together or not at all.
            return await manager.PublishAsync(contentItemId, editor, cancellationToken);
        }
        catch (ContentConflictException)
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Sends the submitted revision back to its author with the editor's comment (required).</summary>
    public async Task<ContentItemRecord> SendBackAsync(string contentItemId, long revisionId, string comment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(comment);
        var latest = await SubmittedAsync(contentItemId, revisionId, cancellationToken);
        latest.ReviewState = ReviewState.ChangesRequested;
        latest.ReviewComment = comment.Trim();
        latest.ModifiedUtc = clock.GetUtcNow();
        audit.Add(AuditActions.SentBack, latest.ContentType, contentItemId, latest.DisplayText, latest.ReviewComment);
        await db.SaveChangesAsync(cancellationToken);
        return latest;
    }

    /// <summary>Items waiting for review, the longest waiting first.</summary>
    public async Task<IReadOnlyList<ContentItemRecord>> QueueAsync(CancellationToken cancellationToken = default) =>
        (await db.ContentItems.AsNoTracking()
            .Where(i => i.Latest && i.ReviewState == ReviewState.Submitted && i.TrashedUtc == null)
            .ToListAsync(cancellationToken))
        .OrderBy(i => i.ModifiedUtc).ThenBy(i => i.Id)
        .ToList();

    public Task<int> QueueCountAsync(CancellationToken cancellationToken = default) =>
        db.ContentItems.CountAsync(i => i.Latest && i.ReviewState == ReviewState.Submitted && i.TrashedUtc == null, cancellationToken);

    private async Task<ContentItemRecord> SubmittedAsync(string contentItemId, long revisionId, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(contentItemId, null, cancellationToken);
        if (latest.ReviewState != ReviewState.Submitted)
        {
            throw new WorkflowException(WorkflowRefusal.NotSubmitted);
        }

        return latest.Id == revisionId ? latest : throw new WorkflowException(WorkflowRefusal.ChangedSince);
    }

    private async Task<ContentItemRecord> LatestAsync(string contentItemId, long? expectedRevisionId, CancellationToken cancellationToken)
    {
        var latest = await db.ContentItems.SingleOrDefaultAsync(i => i.ContentItemId == contentItemId && i.Latest, cancellationToken)
            ?? throw new ContentNotFoundException(CoreText.Format("ContentErrorNotFound", contentItemId));
        if (latest.TrashedUtc is not null)
        {
            throw new WorkflowException(WorkflowRefusal.Trashed);
        }

        return expectedRevisionId is { } expected && expected != latest.Id ? throw new WorkflowException(WorkflowRefusal.ChangedSince) : latest;
    }
}
