using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Municipal.Core.Audit;
using Municipal.Core.Background;
using Municipal.Core.Tenancy;
using Municipal.Forms.Handlers;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>The daily retention job: one pending run per tenant with the feature, at 03:00 Brussels time, that schedules the next one once. SQLite and PostgreSQL.</summary>
public abstract class RetentionScheduleTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    // 08:00 UTC on 29 November: 03:00 in Brussels (UTC+1 in winter) is 02:00 UTC, next on the 30th.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_tenant_with_forms_gets_one_nightly_run_which_schedules_the_next_exactly_once()
    {
        await using var app = fixture.StartApp(services: s => s.AddSingleton<TimeProvider>(_clock));
        var name = fixture.NewTenantName("nightly");
        await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(name, "Nocturne", [$"{name}.localhost"], null, "municipality", "a@b.be", StorageFixture.AdminPassword), false, CancellationToken.None);
        var scheduler = app.Services.GetRequiredService<RetentionScheduler>();

        await scheduler.EnsureAllAsync();
        await scheduler.EnsureAllAsync();
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), Assert.Single(await PendingRunsAsync(app, name)).DueUtc);

        _clock.Advance(TimeSpan.FromHours(18.5)); // 02:30 UTC on the 30th
        await app.Services.GetRequiredService<JobRunner>().RunDueAsync();
        await app.Services.GetRequiredService<JobRunner>().RunDueAsync();
        await scheduler.EnsureAllAsync();
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), Assert.Single(await PendingRunsAsync(app, name)).DueUtc);
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            var audit = await scope.ServiceProvider.GetRequiredService<AuditLog>().ReadAsync(0, 20);
            Assert.Single(audit, line => line.Action == RetentionJob.AuditAction);
        }

        // A night later, the same again: one run done, the next one pending.
        _clock.Advance(TimeSpan.FromDays(1));
        await app.Services.GetRequiredService<JobRunner>().RunDueAsync();
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero), Assert.Single(await PendingRunsAsync(app, name)).DueUtc);
    }

    [Fact]
    public async Task At_start_up_a_tenant_without_a_pending_run_gets_one()
    {
        var name = fixture.NewTenantName("existing");
        await fixture.CreateTenantAsync(name);
        Assert.Empty(await PendingRunsAsync(fixture.App, name)); // the tests' apps run no scheduling loop

        var overrides = new Dictionary<string, string?> { [RetentionScheduler.EnabledSetting] = "true" };
        await using var app = fixture.StartApp(overrides, s => s.AddSingleton<TimeProvider>(_clock));
        _ = app.Services; // starts the host and its loops
        var waited = 0;
        while ((await PendingRunsAsync(app, name)).Count == 0 && waited++ < 300)
        {
            await Task.Delay(100);
        }

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), Assert.Single(await PendingRunsAsync(app, name)).DueUtc);
    }

    [Fact]
    public void The_run_is_at_three_in_the_night_in_Brussels_in_summer_and_in_winter()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 1, 0, 0, TimeSpan.Zero), RetentionSchedule.NextRun(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 1, 0, 0, TimeSpan.Zero), RetentionSchedule.NextRun(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), RetentionSchedule.NextRun(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero)));
    }

    private static async Task<List<JobRecord>> PendingRunsAsync(MunicipalApp app, string tenant)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(tenant))
            .Where(j => j.Kind == RetentionSchedule.JobKind)
            .ToList();
    }
}

public sealed class RetentionScheduleTestsOnSqlite(SqliteFixture fixture) : RetentionScheduleTests<SqliteFixture>(fixture);

public sealed class RetentionScheduleTestsOnPostgres(PostgresFixture fixture) : RetentionScheduleTests<PostgresFixture>(fixture);
