using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Municipal.Core.Storage;

namespace Municipal.Core.Mail;

/// <summary>Delivers one message of one tenant. Throws when it could not: the mail job is then retried.</summary>
public interface IMailSender
{
    Task SendAsync(string tenantName, MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Writes each message as an RFC 5322 .eml file into the tenant's mail folder (written aside, then moved in).</summary>
public sealed class PickupFolderMailSender(DataPaths paths, TimeProvider clock) : IMailSender
{
    public static string Folder(DataPaths paths, string tenantName) => Path.Combine(paths.TenantFolder(tenantName), "mail");

    public async Task SendAsync(string tenantName, MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = Folder(paths, tenantName);
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}";
        var temp = Path.Combine(folder, "." + name + ".tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temp, Path.Combine(folder, name + ".eml"));
        }
        finally
        {
            File.Delete(temp);
        }
    }
}

/// <summary>Sends over SMTP with MailKit (STARTTLS when the server offers it, authentication when a user is set).</summary>
public sealed class SmtpMailSender(IOptions<MunicipalOptions> options) : IMailSender
{
    public async Task SendAsync(string tenantName, MimeMessage message, CancellationToken cancellationToken)
    {
        var mail = options.Value.Mail;
        using var client = new SmtpClient { Timeout = (int)mail.SmtpTimeout.TotalMilliseconds };
        await client.ConnectAsync(mail.SmtpHost ?? throw new InvalidOperationException("Municipal:Mail:SmtpHost n'est pas défini."), mail.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(mail.SmtpUser))
        {
            await client.AuthenticateAsync(mail.SmtpUser, mail.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
