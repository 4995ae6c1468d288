using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Background;
using Municipal.Core.Mail;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Mail;

/// <summary>
/// A relay that refuses for a while (451, try again later): the mail job waits 2^attempts × 15 s after each
/// failure on the storage's clock, and gives up after <see cref="JobRunner.MaxAttempts"/>. SQLite and PostgreSQL.
/// Each test ends with its job finished (delivered or given up), so the clock the other one moves runs nothing of it.
/// </summary>
public abstract class MailRetryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private static TimeSpan Delay(int attempts) => TimeSpan.FromSeconds(15 * (1 << attempts));

    [Fact]
    public async Task Each_refusal_moves_the_mail_by_the_back_off_delay_and_it_is_tried_again_only_once_due()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(fixture.DataPath);
        await using var app = fixture.StartApp(MailJobs.SmtpSettings(server));
        var name = fixture.NewTenantName("retard");
        await fixture.CreateTenantAsync(name);
        server.RefuseNext(3);

        const string Subject = "Patience";
        var id = await MailJobs.EnqueueAsync(app.Services, name, Subject);
        Assert.Equal(fixture.Clock.GetUtcNow(), (await MailJobs.JobAsync(app.Services, id)).DueUtc);
        await MailJobs.RunDueAsync(app.Services);

        for (var attempts = 1; attempts <= 3; attempts++)
        {
            var job = await MailJobs.JobAsync(app.Services, id);
            Assert.Equal(attempts, job.Attempts);
            Assert.Equal(attempts, server.Offered(Subject));
            Assert.Null(job.CompletedUtc);
            Assert.Null(job.FailedUtc);
            Assert.Contains("Relais indisponible", job.LastError ?? string.Empty, StringComparison.Ordinal);
            // The clock stands still while a test runs the jobs: the failure happened at "now".
            Assert.Equal(fixture.Clock.GetUtcNow() + Delay(attempts), job.DueUtc);

            // One second early: nothing runs.
            fixture.Clock.Advance(Delay(attempts) - TimeSpan.FromSeconds(1));
            await MailJobs.RunDueAsync(app.Services);
            Assert.Equal(attempts, server.Offered(Subject));
            Assert.Equal(attempts, (await MailJobs.JobAsync(app.Services, id)).Attempts);

            // Due: tried again.
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await MailJobs.RunDueAsync(app.Services);
            Assert.Equal(attempts + 1, server.Offered(Subject));
        }

        var delivered = await MailJobs.JobAsync(app.Services, id);
        Assert.Equal(4, delivered.Attempts);
        Assert.Equal(fixture.Clock.GetUtcNow(), delivered.CompletedUtc);
        Assert.Single(server.ReceivedWith(Subject));
    }

    [Fact]
    public async Task After_the_last_attempt_the_mail_is_given_up_with_its_error_and_message_and_never_tried_again()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(fixture.DataPath);
        await using var app = fixture.StartApp(MailJobs.SmtpSettings(server));
        var name = fixture.NewTenantName("abandon");
        await fixture.CreateTenantAsync(name, displayName: "Commune d'Abandon");
        server.RefuseNext(-1);

        const string Subject = "Jamais remis";
        var id = await MailJobs.EnqueueAsync(app.Services, name, Subject);
        for (var attempts = 1; attempts < JobRunner.MaxAttempts; attempts++)
        {
            await MailJobs.RunDueAsync(app.Services);
            var job = await MailJobs.JobAsync(app.Services, id);
            Assert.Equal(attempts, job.Attempts);
            Assert.Null(job.FailedUtc);
            Assert.Equal(fixture.Clock.GetUtcNow() + Delay(attempts), job.DueUtc);
            fixture.Clock.Advance(Delay(attempts));
        }

        await MailJobs.RunDueAsync(app.Services);
        var givenUp = await MailJobs.JobAsync(app.Services, id);
        Assert.Equal(JobRunner.MaxAttempts, givenUp.Attempts);
        Assert.Equal(JobRunner.MaxAttempts, server.Offered(Subject));
        Assert.Equal(fixture.Clock.GetUtcNow(), givenUp.FailedUtc);
        Assert.Null(givenUp.CompletedUtc);
        Assert.Contains("Relais indisponible", givenUp.LastError ?? string.Empty, StringComparison.Ordinal);
        var kept = MailOutbox.Deserialize(givenUp.Payload);
        Assert.Equal(Subject, kept.Subject);
        Assert.Equal("Commune d'Abandon", kept.From.Mailboxes.Single().Name);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name), j => j.Id == id);
        }

        // Even much later, and with the relay back, nothing more is tried.
        server.RefuseNext(0);
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await MailJobs.RunDueAsync(app.Services);
        Assert.Equal(JobRunner.MaxAttempts, server.Offered(Subject));
        Assert.Empty(server.ReceivedWith(Subject));
        var after = await MailJobs.JobAsync(app.Services, id);
        Assert.Equal(JobRunner.MaxAttempts, after.Attempts);
        Assert.Equal(givenUp.FailedUtc, after.FailedUtc);
    }
}

public sealed class MailRetryTestsOnSqlite(SqliteFixture fixture) : MailRetryTests<SqliteFixture>(fixture);

public sealed class MailRetryTestsOnPostgres(PostgresFixture fixture) : MailRetryTests<PostgresFixture>(fixture);
