using MimeKit;

namespace Municipal.Core.Mail;

/// <summary>
/// Queues mails as durable jobs: the whole message (RFC 5322, base64) is the job's payload, so a mail server
/// that is down delays the mail (the job is retried with back-off) and never loses it.
/// </summary>
public sealed class MailOutbox(JobQueue jobs, TimeProvider clock, IOptions<MunicipalOptions> options)
{
    public const string JobKind = "mail.send";

    /// <summary>Queues the message; without a sender, it comes from Municipal:Mail:From under the tenant's name.</summary>
    public async Task<long> EnqueueAsync(Tenant tenant, MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (message.From.Count == 0)
        {
            message.From.Add(new MailboxAddress(tenant.DisplayName, options.Value.Mail.From));
        }

        return await jobs.EnqueueAsync(tenant.Name, JobKind, Serialize(message), clock.GetUtcNow(), cancellationToken);
    }

    public static string Serialize(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return Convert.ToBase64String(buffer.ToArray());
    }

    public static MimeMessage Deserialize(string payload)
    {
        using var buffer = new MemoryStream(Convert.FromBase64String(payload));
        return MimeMessage.Load(buffer);
    }
}

/// <summary>The job "mail.send": hands the stored message to the configured <see cref="IMailSender"/>.</summary>
public sealed class MailSendJob : IJobHandler
{
    public string Kind => MailOutbox.JobKind;

    public Task RunAsync(string payload, IServiceProvider tenantServices, CancellationToken cancellationToken) =>
        tenantServices.GetRequiredService<IMailSender>().SendAsync(
            tenantServices.GetRequiredService<TenantContext>().Tenant.Name,
            MailOutbox.Deserialize(payload),
            cancellationToken);
}

public static class MailServiceCollectionExtensions
{
    /// <summary>SMTP when Municipal:Mail:SmtpHost is set, else the pickup folder.</summary>
    public static IServiceCollection AddMunicipalMail(this IServiceCollection services)
    {
        services.AddScoped<MailOutbox>();
        services.AddSingleton<IJobHandler, MailSendJob>();
        services.AddSingleton<PickupFolderMailSender>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<IMailSender>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<MunicipalOptions>>().Value.Mail.SmtpHost)
                ? provider.GetRequiredService<PickupFolderMailSender>()
                : provider.GetRequiredService<SmtpMailSender>());
        return services;
    }
}
