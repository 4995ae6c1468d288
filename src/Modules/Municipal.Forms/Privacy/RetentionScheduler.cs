using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Municipal.Forms.Privacy;

/// <summary>
/// Starts the chain of daily retention runs for every running tenant with the forms feature and no pending run: at
/// start-up (existing tenants, or a chain broken by a job that gave up) and then every few minutes (a tenant created
/// or given the feature since, on this node or another). Core knows nothing of forms: this lives in the module.
/// The loop can be switched off (<see cref="EnabledSetting"/> false): the web tests do, so that no run appears
/// behind the back of tests that count a tenant's pending jobs; they call <see cref="EnsureAllAsync"/> themselves.
/// </summary>
public sealed partial class RetentionScheduler(
    IServiceScopeFactory scopes, TenantRegistry registry, TimeProvider clock, IConfiguration configuration, ILogger<RetentionScheduler> logger)
    : BackgroundService
{
    public const string EnabledSetting = "Municipal:Forms:ScheduleRetention";

    /// <summary>Real time between passes; a new tenant's first run is at the next 03:00 anyway.</summary>
    public static readonly TimeSpan PassInterval = TimeSpan.FromMinutes(10);

    /// <summary>Adds a run for each tenant that needs one; returns the tenants it was added for. Called by the loop and by tests.</summary>
    public async Task<IReadOnlyList<string>> EnsureAllAsync(CancellationToken cancellationToken = default)
    {
        var lookup = await registry.GetLookupAsync(cancellationToken);
        var tenants = lookup.All.Where(t => t.State == TenantState.Running && t.HasFeature(FormsModule.Feature)).Select(t => t.Name).ToList();
        if (tenants.Count == 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var jobs = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var scheduled = (await db.Jobs.AsNoTracking()
                .Where(j => j.Kind == RetentionSchedule.JobKind && j.CompletedUtc == null && j.FailedUtc == null)
                .Select(j => j.TenantName)
                .Distinct()
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var tenant in tenants.Where(t => !scheduled.Contains(t)))
        {
            if (await RetentionSchedule.EnsurePendingAsync(db, jobs, tenant, clock.GetUtcNow(), onlyLater: false, cancellationToken))
            {
                added.Add(tenant);
            }
        }

        return added;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledSetting, defaultValue: true))
        {
            return;
        }

        using var timer = new PeriodicTimer(PassInterval);
        do
        {
            try
            {
                await EnsureAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduling the forms retention runs failed; it is tried again at the next pass")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
