namespace Municipal.Core.Background;

/// <summary>
/// Runs due jobs. A job is claimed by a conditional update (LockedUntil), so with several nodes each job runs
/// once; a failed job is retried with growing delays, and given up after <see cref="MaxAttempts"/>.
/// A completed job keeps no payload (a queued mail holds a reset link or a citizen's address), and its row goes
/// after <see cref="CompletedKept"/>; a given-up job keeps its payload, for the operator to look at.
/// </summary>
public sealed partial class JobRunner(IServiceScopeFactory scopes, TenantRegistry registry, IEnumerable<IJobHandler> handlers, TimeProvider clock, IOptions<MunicipalOptions> options, ILogger<JobRunner> logger)
    : BackgroundService
{
    public const int MaxAttempts = 8;

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long the row of a completed job stays (what ran, when) before it is deleted.</summary>
    public static readonly TimeSpan CompletedKept = TimeSpan.FromDays(30);

    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    /// <summary>Passes in one call at most: a job that queues another due at once (a look-up that mails) is followed.</summary>
    private const int MaxPassesPerCall = 10;

    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    // One pass at a time in this process: a caller returns once every job due at its call has run here.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>
    /// Runs every job due now, and those they queue due now; returns how many ran successfully. Called by the loop and
    /// by tests.
    /// </summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var succeeded = 0;
            for (var pass = 0; pass < MaxPassesPerCall; pass++)
            {
                var ran = await RunPassAsync(cancellationToken);
                succeeded += ran;
                if (ran == 0)
                {
                    break;
                }
            }

            await DeleteOldCompletedAsync(cancellationToken);
            return succeeded;
        }
        finally
        {
            _pass.Release();
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    private async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            due = await db.Jobs.AsNoTracking()
                .Where(j => j.CompletedUtc == null && j.FailedUtc == null && j.DueUtc <= now && (j.LockedUntilUtc == null || j.LockedUntilUtc < now))
                .OrderBy(j => j.DueUtc)
                .Select(j => j.Id)
                .Take(50)
                .ToListAsync(cancellationToken);
        }

        var succeeded = 0;
        foreach (var id in due)
        {
            if (await RunOneAsync(id, now, cancellationToken))
            {
                succeeded++;
            }
        }

        return succeeded;
    }

    private async Task DeleteOldCompletedAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - CompletedKept;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HostDbContext>().Jobs
            .Where(j => j.CompletedUtc != null && j.CompletedUtc < before)
            .ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Jobs.RunInBackground)
        {
            return;
        }

        // Polling runs on real time; the clock decides only what is due (a test's fake clock jumps days at once).
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> RunOneAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var lockedUntil = now + ClaimDuration;
        // Due again checked here, not only when listing: another node may have run and failed this job since
        // (it is due later now, and is not locked any more); taking it would retry it at once, without the delay.
        var claimed = await db.Jobs
            .Where(j => j.Id == id && j.CompletedUtc == null && j.FailedUtc == null && j.DueUtc <= now && (j.LockedUntilUtc == null || j.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntilUtc, lockedUntil).SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false; // another node took it
        }

        var job = await db.Jobs.SingleAsync(j => j.Id == id, cancellationToken);
        try
        {
            var tenant = await registry.FindAsync(job.TenantName, cancellationToken);
            if (tenant is null)
            {
                job.FailedUtc = clock.GetUtcNow();
                job.LastError = "tenant deleted";
            }
            else if (!_handlers.TryGetValue(job.Kind, out var handler))
            {
                throw new InvalidOperationException($"No handler for jobs of kind '{job.Kind}'.");
            }
            else
            {
                await using var tenantScope = scopes.CreateAsyncScope();
                tenantScope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
                await handler.RunAsync(job.Payload, tenantScope.ServiceProvider, cancellationToken);
                job.CompletedUtc = clock.GetUtcNow();
                job.Payload = string.Empty;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogJobFailed(logger, ex, job.Id, job.Kind, job.TenantName);
            job.LastError = ex.Message;
            if (job.Attempts >= MaxAttempts)
            {
                job.FailedUtc = clock.GetUtcNow();
            }
            else
            {
                job.DueUtc = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Pow(2, job.Attempts) * 15);
            }
        }

        job.LockedUntilUtc = null;
        await db.SaveChangesAsync(CancellationToken.None);
        return job.CompletedUtc is not null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The job loop failed; it goes on at the next tick")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Id} ({Kind}) of tenant {Tenant} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, long id, string kind, string tenant);
}
