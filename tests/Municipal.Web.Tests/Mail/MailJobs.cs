using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Municipal.Core.Background;
using Municipal.Core.Mail;
using Municipal.Core.Storage;
using Municipal.Core.Tenancy;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Mail;

/// <summary>What the mail tests share: a host's settings for the loopback relay, queuing a mail, reading its job.</summary>
public static class MailJobs
{
    /// <summary>Settings of a host that sends through <paramref name="server"/>; its certificate trusted unless told otherwise.</summary>
    public static Dictionary<string, string?> SmtpSettings(LoopbackSmtpServer server, string password = LoopbackSmtpServer.Password, bool trustCertificate = true) => new()
    {
        ["Municipal:Mail:SmtpHost"] = "127.0.0.1",
        ["Municipal:Mail:SmtpPort"] = server.Port.ToString(CultureInfo.InvariantCulture),
        ["Municipal:Mail:SmtpUser"] = LoopbackSmtpServer.User,
        ["Municipal:Mail:SmtpPassword"] = password,
        ["Municipal:Mail:From"] = "guichet@commune.example",
        ["Municipal:Mail:TrustedCaFile"] = trustCertificate ? server.CaFile : null,
        // Generous: a loaded machine must not turn a delivery into a timeout.
        ["Municipal:Mail:SmtpTimeout"] = "00:01:00",
    };

    /// <summary>Queues a mail of the tenant as its pages do (no sender: the municipality's name and From).</summary>
    public static async Task<long> EnqueueAsync(IServiceProvider services, string tenantName, string subject, string to = "citoyen@example.be")
    {
        await using var scope = await StorageFixture.TenantScopeAsync(services, tenantName);
        var message = new MimeMessage { Subject = subject };
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = "Votre demande a bien été reçue." };
        return await scope.ServiceProvider.GetRequiredService<MailOutbox>().EnqueueAsync(scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant, message);
    }

    public static async Task<JobRecord> JobAsync(IServiceProvider services, long id)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HostDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    public static Task<int> RunDueAsync(IServiceProvider services) => services.GetRequiredService<JobRunner>().RunDueAsync();
}
