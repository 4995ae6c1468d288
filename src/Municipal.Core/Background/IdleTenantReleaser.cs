namespace Municipal.Core.Background;

/// <summary>
/// Gives back the pooled connections of tenants nobody asked for lately: with a thousand tenants, only the
/// busy ones should hold memory.
/// </summary>
public sealed class IdleTenantReleaser(TenantActivity activity, DatabaseConfigurator databases, IOptions<MunicipalOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = options.Value.TenantIdleTimeout;
        // Real-time ticks; idleness itself is measured on the clock.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(idle.TotalSeconds / 2, 1, 15)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var tenant in activity.TakeIdle(idle, options.Value.MaxActiveTenants))
            {
                databases.ReleaseTenantConnections(tenant);
            }
        }
    }
}
