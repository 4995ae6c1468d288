using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Background;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Mail;

/// <summary>
/// Two hosts on one storage running due jobs (mail among them) at the same time: each job runs once.
/// PostgreSQL and SQLite. Each test has its own job kind and leaves no job of it due.
/// </summary>
public abstract class JobClaimTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task Two_hosts_running_due_jobs_together_run_each_job_exactly_once()
    {
        var counter = new CountingJob("test.compte");
        await using var first = fixture.StartApp(services: s => s.AddSingleton<IJobHandler>(counter));
        await using var second = fixture.StartApp(services: s => s.AddSingleton<IJobHandler>(counter));
        var name = fixture.NewTenantName("deux-hotes");
        await fixture.CreateTenantAsync(name);

        const int count = 200;
        var ids = new List<long>();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<JobQueue>();
            for (var i = 0; i < count; i++)
            {
                ids.Add(await jobs.EnqueueAsync(name, counter.Kind, i.ToString(CultureInfo.InvariantCulture), fixture.Clock.GetUtcNow()));
            }
        }

        // A pass takes at most 50 jobs: passes of both hosts side by side until none is left.
        for (var rounds = 0; await PendingCountAsync(first, name) > 0; rounds++)
        {
            Assert.True(rounds < count, "the jobs never all ran");
            await Task.WhenAll(
                Task.Run(() => MailJobs.RunDueAsync(first.Services)),
                Task.Run(() => MailJobs.RunDueAsync(second.Services)));
        }

        Assert.Equal(count, counter.Runs.Count);
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(1, counter.Runs.GetValueOrDefault(i.ToString(CultureInfo.InvariantCulture))));
        foreach (var id in ids)
        {
            var job = await MailJobs.JobAsync(first.Services, id);
            Assert.Equal(fixture.Clock.GetUtcNow(), job.CompletedUtc);
            Assert.Equal(1, job.Attempts);
            Assert.Null(job.LockedUntilUtc);
        }
    }

    [Fact]
    public async Task A_job_one_host_failed_is_not_taken_by_the_other_before_its_retry_time()
    {
        // The first host is held in a slow job while the second fails the next one; then the first goes on with
        // the list of due jobs it read before: the failed job is due later now, and must not run again at once.
        var gate = new GatedJob("test.porte");
        await using var first = fixture.StartApp(services: s => s.AddSingleton<IJobHandler>(gate));
        await using var second = fixture.StartApp(services: s => s.AddSingleton<IJobHandler>(gate));
        var name = fixture.NewTenantName("porte");
        await fixture.CreateTenantAsync(name);
        var now = fixture.Clock.GetUtcNow();
        long failing;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<JobQueue>();
            await jobs.EnqueueAsync(name, gate.Kind, GatedJob.Slow, now - TimeSpan.FromSeconds(1));
            failing = await jobs.EnqueueAsync(name, gate.Kind, GatedJob.Failing, now);
        }

        var firstPass = Task.Run(() => MailJobs.RunDueAsync(first.Services));
        await gate.SlowStarted.WaitAsync(TimeSpan.FromMinutes(2));
        await MailJobs.RunDueAsync(second.Services);
        Assert.Equal(1, gate.FailingRuns);
        gate.ReleaseSlow();
        await firstPass;

        Assert.Equal(1, gate.FailingRuns);
        var job = await MailJobs.JobAsync(first.Services, failing);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(now + TimeSpan.FromSeconds(30), job.DueUtc);

        // Given up by hand, so that no later test of this class runs it.
        await using (var scope = first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobQueue>().CancelPendingAsync(name, gate.Kind, GatedJob.Failing);
        }
    }

    private static async Task<int> PendingCountAsync(MunicipalApp app, string tenantName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(tenantName)).Count;
    }

    /// <summary>Counts the runs of each payload, from any host and thread.</summary>
    private sealed class CountingJob(string kind) : IJobHandler
    {
        public string Kind => kind;

        public ConcurrentDictionary<string, int> Runs { get; } = new(StringComparer.Ordinal);

        public Task RunAsync(string payload, IServiceProvider tenantServices, CancellationToken cancellationToken)
        {
            Runs.AddOrUpdate(payload, 1, (_, runs) => runs + 1);
            return Task.CompletedTask;
        }
    }

    /// <summary>"slow" waits until released; "failing" always throws.</summary>
    private sealed class GatedJob(string kind) : IJobHandler
    {
        public const string Slow = "lent";
        public const string Failing = "en-echec";

        private readonly TaskCompletionSource _slowStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _failingRuns;

        public string Kind => kind;

        public Task SlowStarted => _slowStarted.Task;

        public int FailingRuns => Volatile.Read(ref _failingRuns);

        public void ReleaseSlow() => _release.TrySetResult();

        public async Task RunAsync(string payload, IServiceProvider tenantServices, CancellationToken cancellationToken)
        {
            if (payload == Slow)
            {
                _slowStarted.TrySetResult();
                await _release.Task.WaitAsync(cancellationToken);
                return;
            }

            Interlocked.Increment(ref _failingRuns);
            throw new InvalidOperationException("échec voulu par le test");
        }
    }
}

public sealed class JobClaimTestsOnSqlite(SqliteFixture fixture) : JobClaimTests<SqliteFixture>(fixture);

public sealed class JobClaimTestsOnPostgres(PostgresFixture fixture) : JobClaimTests<PostgresFixture>(fixture);
