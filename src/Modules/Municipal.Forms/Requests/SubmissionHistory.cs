namespace Municipal.Forms.Requests;

/// <summary>
/// The history of a request: what agents did and said, and the citizen's replies. Every change of a request goes
/// through here, so that its row and its history line are saved in one transaction.
/// </summary>
public sealed class SubmissionHistory(FormsDbContext db, TimeProvider clock)
{
    /// <summary>Lines of the request, oldest first; for the citizen, only those meant for them.</summary>
    public async Task<IReadOnlyList<SubmissionEventRecord>> ListAsync(string submissionId, bool forCitizen, CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking()
            .Where(e => e.SubmissionId == submissionId && (!forCitizen || e.VisibleToCitizen))
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Stages a line and touches the request's UpdatedUtc (and its status when <paramref name="toStatus"/> is given);
    /// the caller saves, so the change and its line land together.
    /// </summary>
    public SubmissionEventRecord Stage(
        SubmissionRecord submission,
        SubmissionEventKind kind,
        string? text,
        bool visibleToCitizen,
        string? authorId = null,
        string? authorName = null,
        SubmissionStatus? toStatus = null)
    {
        var now = clock.GetUtcNow();
        var line = new SubmissionEventRecord
        {
            SubmissionId = submission.Id,
            Kind = kind,
            FromStatus = toStatus is null ? null : submission.Status,
            ToStatus = toStatus,
            Text = text,
            AuthorId = authorId,
            AuthorName = authorName,
            VisibleToCitizen = visibleToCitizen,
            CreatedUtc = now,
        };
        if (toStatus is { } status)
        {
            submission.Status = status;
        }

        submission.UpdatedUtc = now;
        db.Events.Add(line);
        return line;
    }
}
