namespace Municipal.Core.Background;

/// <summary>Runs one kind of job for a tenant. Resolved in a scope whose TenantContext is the job's tenant.</summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(string payload, IServiceProvider tenantServices, CancellationToken cancellationToken);
}

/// <summary>Adds and cancels durable jobs.</summary>
public sealed class JobQueue(HostDbContext db)
{
    public async Task<long> EnqueueAsync(string tenantName, string kind, string payload, DateTimeOffset dueUtc, CancellationToken cancellationToken = default)
    {
        var job = new JobRecord { TenantName = tenantName, Kind = kind, Payload = payload, DueUtc = dueUtc };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job.Id;
    }

    /// <summary>Cancels pending jobs of a kind for one payload (a new schedule replaces the former one).</summary>
    public Task<int> CancelPendingAsync(string tenantName, string kind, string payload, CancellationToken cancellationToken = default) =>
        db.Jobs.Where(j => j.TenantName == tenantName && j.Kind == kind && j.Payload == payload && j.CompletedUtc == null && j.FailedUtc == null)
            .ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<JobRecord>> PendingAsync(string tenantName, CancellationToken cancellationToken = default) =>
        await db.Jobs.AsNoTracking()
            .Where(j => j.TenantName == tenantName && j.CompletedUtc == null && j.FailedUtc == null)
            .OrderBy(j => j.DueUtc)
            .ToListAsync(cancellationToken);
}
