using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Mail;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Mail;

/// <summary>
/// Mail jobs delivered to a real SMTP server on loopback (STARTTLS, authentication). SQLite and PostgreSQL.
/// No test here moves the clock, so a job one of them leaves waiting never runs in another.
/// </summary>
public abstract class SmtpDeliveryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_mail_is_delivered_over_starttls_with_authentication_under_the_municipality_name()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(fixture.DataPath);
        await using var app = fixture.StartApp(MailJobs.SmtpSettings(server));
        var name = fixture.NewTenantName("relais");
        await fixture.CreateTenantAsync(name, displayName: "Commune de Relais-sur-Meuse");
        Assert.IsType<SmtpMailSender>(app.Services.GetRequiredService<IMailSender>());

        var id = await MailJobs.EnqueueAsync(app.Services, name, "Votre demande n° 42", "marie@example.be");
        await MailJobs.RunDueAsync(app.Services);

        var job = await MailJobs.JobAsync(app.Services, id);
        Assert.Null(job.LastError);
        Assert.Equal(fixture.Clock.GetUtcNow(), job.CompletedUtc);
        Assert.Equal(1, job.Attempts);
        var received = Assert.Single(server.ReceivedWith("Votre demande n° 42"));
        Assert.True(received.OverTls, "the session went over TLS (STARTTLS)");
        Assert.Equal(LoopbackSmtpServer.User, received.User);
        Assert.Equal(["marie@example.be"], received.EnvelopeTo);
        Assert.Equal("guichet@commune.example", received.EnvelopeFrom);
        Assert.Equal("Votre demande n° 42", received.Message.Subject);
        Assert.Equal("marie@example.be", received.Message.To.Mailboxes.Single().Address);
        var from = received.Message.From.Mailboxes.Single();
        Assert.Equal("Commune de Relais-sur-Meuse", from.Name);
        Assert.Equal("guichet@commune.example", from.Address);
    }

    [Fact]
    public async Task With_a_wrong_password_nothing_is_delivered_and_the_mail_waits_for_a_retry()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(fixture.DataPath);
        await using var app = fixture.StartApp(MailJobs.SmtpSettings(server, password: "pas-le-bon"));
        var name = fixture.NewTenantName("relais");
        await fixture.CreateTenantAsync(name);

        var id = await MailJobs.EnqueueAsync(app.Services, name, "Refusé");
        await MailJobs.RunDueAsync(app.Services);

        Assert.Empty(server.Received);
        Assert.Equal(0, server.Offered("Refusé"));
        var job = await MailJobs.JobAsync(app.Services, id);
        Assert.Null(job.CompletedUtc);
        Assert.Null(job.FailedUtc);
        Assert.Equal(1, job.Attempts);
        Assert.NotNull(job.LastError);
        Assert.True(job.DueUtc > fixture.Clock.GetUtcNow(), "retried later");
        Assert.Equal("Refusé", MailOutbox.Deserialize(job.Payload).Subject);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_refused_unless_named_in_TrustedCaFile()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(fixture.DataPath);
        await using var app = fixture.StartApp(MailJobs.SmtpSettings(server, trustCertificate: false));
        var name = fixture.NewTenantName("relais");
        await fixture.CreateTenantAsync(name);

        var id = await MailJobs.EnqueueAsync(app.Services, name, "Certificat inconnu");
        await MailJobs.RunDueAsync(app.Services);

        Assert.Empty(server.Received);
        var job = await MailJobs.JobAsync(app.Services, id);
        Assert.Null(job.CompletedUtc);
        Assert.Equal(1, job.Attempts);
        Assert.Contains("certificate", job.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_relay_that_does_not_offer_starttls_gets_neither_the_password_nor_the_mail()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(fixture.DataPath, offerStartTls: false);
        await using var app = fixture.StartApp(MailJobs.SmtpSettings(server));
        var name = fixture.NewTenantName("clair");
        await fixture.CreateTenantAsync(name);

        var id = await MailJobs.EnqueueAsync(app.Services, name, "Sans STARTTLS");
        await MailJobs.RunDueAsync(app.Services);

        Assert.Equal(0, server.PasswordsReceived);
        Assert.Empty(server.Received);
        var job = await MailJobs.JobAsync(app.Services, id);
        Assert.Null(job.CompletedUtc);
        Assert.Contains("STARTTLS", job.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_tls_a_local_relay_gets_the_mail_but_a_password_is_never_sent()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(fixture.DataPath, offerStartTls: false);
        var settings = MailJobs.SmtpSettings(server);
        settings["Municipal:Mail:SmtpTls"] = "None";
        var name = fixture.NewTenantName("local");
        await fixture.CreateTenantAsync(name);

        await using (var withUser = fixture.StartApp(settings))
        {
            var refused = await MailJobs.EnqueueAsync(withUser.Services, name, "Avec mot de passe");
            await MailJobs.RunDueAsync(withUser.Services);
            Assert.Equal(0, server.PasswordsReceived);
            Assert.Contains("SmtpTls", (await MailJobs.JobAsync(withUser.Services, refused)).LastError, StringComparison.Ordinal);
        }

        settings["Municipal:Mail:SmtpUser"] = null;
        settings["Municipal:Mail:SmtpPassword"] = null;
        await using var app = fixture.StartApp(settings);
        var id = await MailJobs.EnqueueAsync(app.Services, name, "Relais local");
        await MailJobs.RunDueAsync(app.Services);

        Assert.Single(server.ReceivedWith("Relais local"));
        Assert.NotNull((await MailJobs.JobAsync(app.Services, id)).CompletedUtc);
    }
}

public sealed class SmtpDeliveryTestsOnSqlite(SqliteFixture fixture) : SmtpDeliveryTests<SqliteFixture>(fixture);

public sealed class SmtpDeliveryTestsOnPostgres(PostgresFixture fixture) : SmtpDeliveryTests<PostgresFixture>(fixture);
