using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

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
        SecureFiles.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}";
        var temp = Path.Combine(folder, "." + name + ".tmp");
        try
        {
            await using (var stream = SecureFiles.OpenWrite(temp, FileMode.CreateNew))
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

/// <summary>
/// Sends over SMTP with MailKit: TLS as Municipal:Mail:SmtpTls says (STARTTLS required by default), authentication
/// when a user is set. The server's certificate is checked as usual; Municipal:Mail:TrustedCaFile adds roots (an
/// internal CA) to that check.
/// </summary>
public sealed class SmtpMailSender(IOptions<MunicipalOptions> options) : IMailSender
{
    public async Task SendAsync(string tenantName, MimeMessage message, CancellationToken cancellationToken)
    {
        var mail = options.Value.Mail;
        if (mail.SmtpTls == SmtpTls.None && !string.IsNullOrEmpty(mail.SmtpUser))
        {
            throw new InvalidOperationException(CoreText.Get("OptionsErrorSmtpTlsNone"));
        }

        using var client = new SmtpClient { Timeout = (int)mail.SmtpTimeout.TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(mail.TrustedCaFile))
        {
            // Read at each send: a renewed CA file is taken without a restart (mails are few).
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(mail.TrustedCaFile);
            client.ServerCertificateValidationCallback = (_, certificate, chain, errors) => IsTrusted(roots, certificate, chain, errors);
        }

        await client.ConnectAsync(mail.SmtpHost ?? throw new InvalidOperationException(CoreText.Get("OptionsErrorSmtpHost")), mail.SmtpPort, SocketOptions(mail.SmtpTls), cancellationToken);
        if (!string.IsNullOrEmpty(mail.SmtpUser))
        {
            await client.AuthenticateAsync(mail.SmtpUser, mail.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions SocketOptions(SmtpTls tls) => tls switch
    {
        SmtpTls.Implicit => SecureSocketOptions.SslOnConnect,
        SmtpTls.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>
    /// Trusted when the system trusts it, or when only its chain was wrong and it leads to one of the given roots.
    /// A wrong host name or a missing certificate is never forgiven.
    /// </summary>
    public static bool IsTrusted(X509Certificate2Collection roots, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        // Intermediates the server sent along.
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        // An internal CA seldom publishes revocation lists; the operator named this CA, so none is asked for.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }
}
