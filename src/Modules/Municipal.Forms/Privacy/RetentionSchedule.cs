namespace Municipal.Forms.Privacy;

/// <summary>
/// Keeps exactly one pending run of the daily retention job per tenant, in the host's durable job table: each run
/// enqueues the next one (for the next 03:00, Brussels time) before doing its work, and
/// <see cref="RetentionScheduler"/> starts the chain for every tenant that has the forms feature and no pending run.
/// </summary>
public static class RetentionSchedule
{
    public const string JobKind = "forms.retention";

    /// <summary>The payload of every run: the job needs nothing but its tenant.</summary>
    public const string Payload = "daily";

    /// <summary>Local hour of the run: the night, when no agent works and few citizens submit.</summary>
    public const int LocalHour = 3;

    /// <summary>The first 03:00 in Brussels strictly after <paramref name="now"/> (daylight saving included).</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now)
    {
        var day = BrusselsTime.Date(now);
        for (var i = 0; i < 3; i++)
        {
            // 03:00 is never skipped nor repeated in Brussels (the clocks change at 02:00 and 03:00).
            var utc = BrusselsTime.FromLocal(day.AddDays(i), new TimeOnly(LocalHour, 0));
            if (utc > now)
            {
                return utc;
            }
        }

        return now.AddDays(1);
    }

    /// <summary>
    /// Enqueues a run for the tenant unless one is pending (any one: due, running or retried when
    /// <paramref name="onlyLater"/> is false; a later one when it is true, as the running job asks, its own row being pending until it ends).
    /// Returns whether a run was added. Two nodes doing this at once may both insert: the newer row is then removed.
    /// </summary>
    public static async Task<bool> EnsurePendingAsync(
        HostDbContext db, JobQueue jobs, string tenantName, DateTimeOffset now, bool onlyLater, CancellationToken cancellationToken)
    {
        var pending = Pending(db, tenantName);
        if (onlyLater ? await pending.AnyAsync(j => j.DueUtc > now, cancellationToken) : await pending.AnyAsync(cancellationToken))
        {
            return false;
        }

        var id = await jobs.EnqueueAsync(tenantName, JobKind, Payload, NextRun(now), cancellationToken);
        var first = await Pending(db, tenantName).Where(j => j.LockedUntilUtc == null && j.DueUtc > now).MinAsync(j => (long?)j.Id, cancellationToken);
        if (first is { } kept && kept != id)
        {
            await db.Jobs.Where(j => j.Id == id).ExecuteDeleteAsync(cancellationToken);
            return false;
        }

        return true;
    }

    private static IQueryable<JobRecord> Pending(HostDbContext db, string tenantName) =>
        db.Jobs.Where(j => j.TenantName == tenantName && j.Kind == JobKind && j.CompletedUtc == null && j.FailedUtc == null);
}
