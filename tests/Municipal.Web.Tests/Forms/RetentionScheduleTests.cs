using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Audit;
using Municipal.Core.Background;
using Municipal.Core.Tenancy;
using Municipal.Forms.Privacy;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>The daily retention job: one pending run per tenant with the feature, at 03:00 Brussels time, that schedules the next one once. SQLite and PostgreSQL.</summary>
public abstract class RetentionScheduleTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private static readonly TimeOnly ThreeAm = new(3, 0);

    [Fact]
    public async Task Each_tenant_with_forms_gets_one_nightly_run_which_schedules_the_next_exactly_once()
    {
        var app = fixture.App;
        var clock = fixture.Clock;
        var night = NextNightOfRun(clock);
        var name = fixture.NewTenantName("nightly");
        await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(name, "Nocturne", [$"{name}.localhost"], null, "municipality", "a@b.be", StorageFixture.AdminPassword), false, CancellationToken.None);
        var scheduler = app.Services.GetRequiredService<RetentionScheduler>();

        await scheduler.EnsureAllAsync();
        await scheduler.EnsureAllAsync();
        Assert.Equal(Brussels.At(night, ThreeAm), Assert.Single(await PendingRunsAsync(app, name)).DueUtc);

        clock.SetUtcNow(Brussels.At(night, new TimeOnly(3, 30)));
        await app.Services.GetRequiredService<JobRunner>().RunDueAsync();
        await app.Services.GetRequiredService<JobRunner>().RunDueAsync();
        await scheduler.EnsureAllAsync();
        Assert.Equal(Brussels.At(night.AddDays(1), ThreeAm), Assert.Single(await PendingRunsAsync(app, name)).DueUtc);
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            var audit = await scope.ServiceProvider.GetRequiredService<AuditLog>().ReadAsync(0, 20);
            Assert.Single(audit, line => line.Action == RetentionJob.AuditAction);
        }

        // A night later (by the wall clock: a night when summer time ends lasts 25 hours), one run done, the next one pending.
        clock.SetUtcNow(Brussels.At(night.AddDays(1), new TimeOnly(3, 30)));
        await app.Services.GetRequiredService<JobRunner>().RunDueAsync();
        Assert.Equal(Brussels.At(night.AddDays(2), ThreeAm), Assert.Single(await PendingRunsAsync(app, name)).DueUtc);
    }

    [Fact]
    public async Task At_start_up_a_tenant_without_a_pending_run_gets_one()
    {
        var name = fixture.NewTenantName("existing");
        await fixture.CreateTenantAsync(name);
        Assert.Empty(await PendingRunsAsync(fixture.App, name)); // the tests' apps run no scheduling loop

        var overrides = new Dictionary<string, string?> { [RetentionScheduler.EnabledSetting] = "true" };
        var night = NextNightOfRun(fixture.Clock);
        await using var app = fixture.StartApp(overrides);
        _ = app.Services; // starts the host and its loops
        var waited = 0;
        while ((await PendingRunsAsync(app, name)).Count == 0 && waited++ < 300)
        {
            await Task.Delay(100);
        }

        Assert.Equal(Brussels.At(night, ThreeAm), Assert.Single(await PendingRunsAsync(app, name)).DueUtc);
    }

    [Fact]
    public void The_run_is_at_three_in_the_night_in_Brussels_in_summer_and_in_winter()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 1, 0, 0, TimeSpan.Zero), RetentionSchedule.NextRun(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 1, 0, 0, TimeSpan.Zero), RetentionSchedule.NextRun(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), RetentionSchedule.NextRun(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero)));
    }

    /// <summary>The Brussels day whose 03:00 is the next one after the clock's present.</summary>
    private static DateOnly NextNightOfRun(TimeProvider clock)
    {
        var today = Brussels.Today(clock);
        return Brussels.At(today, ThreeAm) > clock.GetUtcNow() ? today : today.AddDays(1);
    }

    private static async Task<List<JobRecord>> PendingRunsAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string tenant)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(tenant))
            .Where(j => j.Kind == RetentionSchedule.JobKind)
            .ToList();
    }
}

public sealed class RetentionScheduleTestsOnSqlite(SqliteFixture fixture) : RetentionScheduleTests<SqliteFixture>(fixture);

public sealed class RetentionScheduleTestsOnPostgres(PostgresFixture fixture) : RetentionScheduleTests<PostgresFixture>(fixture);
