using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Municipal.Core.Background;
using Municipal.Core.Mail;
using Municipal.Core.Tenancy;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Mail;

/// <summary>The mail outbox: a mail server that is down delays the mail, never loses it. SQLite and PostgreSQL.</summary>
public abstract class MailOutboxTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task With_an_unreachable_smtp_server_the_job_fails_and_stays_pending_with_its_message()
    {
        var port = ClosedPort();
        await using var app = fixture.StartApp(new Dictionary<string, string?>
        {
            ["Municipal:Mail:SmtpHost"] = "127.0.0.1",
            ["Municipal:Mail:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Municipal:Mail:SmtpTimeout"] = "00:00:05",
        });
        var name = fixture.NewTenantName("smtp");
        await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(name, "Commune SMTP", [$"{name}.localhost"], null, "municipality", $"admin@{name}.localhost", StorageFixture.AdminPassword), false, CancellationToken.None);
        Assert.IsType<SmtpMailSender>(app.Services.GetRequiredService<IMailSender>());

        long id;
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            var message = new MimeMessage { Subject = "Essai" };
            message.To.Add(MailboxAddress.Parse("citoyen@example.be"));
            message.Body = new TextPart("plain") { Text = "Bonjour" };
            id = await scope.ServiceProvider.GetRequiredService<MailOutbox>().EnqueueAsync(scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant, message);
        }

        Assert.Equal(0, await app.Services.GetRequiredService<JobRunner>().RunDueAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var pending = Assert.Single(await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name));
            Assert.Equal(id, pending.Id);
            Assert.Equal(1, pending.Attempts);
            Assert.NotNull(pending.LastError);
            // On the storage's fake clock: the machine's runs on and, with MUNICIPAL_TEST_NOW, is another day.
            Assert.Equal(fixture.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), pending.DueUtc);
            var kept = MailOutbox.Deserialize(pending.Payload);
            Assert.Equal("Essai", kept.Subject);
            Assert.Equal("Commune SMTP", kept.From.Mailboxes.Single().Name);
        }

        Assert.False(Directory.Exists(Path.Combine(fixture.TenantsFolder, name, "mail")));
    }

    [Fact]
    public async Task A_delivered_mail_is_not_kept_in_the_queue_and_its_row_goes_after_30_days()
    {
        var name = fixture.NewTenantName("kept");
        await fixture.CreateTenantAsync(name);
        long id;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var message = new MimeMessage { Subject = "Lien secret" };
            message.To.Add(MailboxAddress.Parse("citoyen@example.be"));
            message.Body = new TextPart("plain") { Text = "https://exemple.be/nouveau-mot-de-passe?jeton=secret" };
            id = await scope.ServiceProvider.GetRequiredService<MailOutbox>().EnqueueAsync(scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant, message);
        }

        var runner = fixture.App.Services.GetRequiredService<JobRunner>();
        await runner.RunDueAsync();
        Assert.Single(Directory.GetFiles(Path.Combine(fixture.TenantsFolder, name, "mail")));
        var done = await JobAsync(id);
        Assert.NotNull(done?.CompletedUtc);
        Assert.Equal(string.Empty, done.Payload); // the link is in the mail, not in the host database

        fixture.Clock.Advance(JobRunner.CompletedKept - TimeSpan.FromMinutes(1));
        await runner.RunDueAsync();
        Assert.NotNull(await JobAsync(id));
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await runner.RunDueAsync();
        Assert.Null(await JobAsync(id));
    }

    private async Task<JobRecord?> JobAsync(long id)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Municipal.Core.Storage.HostDbContext>().Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class MailOutboxTestsOnSqlite(SqliteFixture fixture) : MailOutboxTests<SqliteFixture>(fixture);

public sealed class MailOutboxTestsOnPostgres(PostgresFixture fixture) : MailOutboxTests<PostgresFixture>(fixture);
