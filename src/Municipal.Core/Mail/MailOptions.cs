namespace Municipal.Core.Mail;

/// <summary>
/// The section "Municipal:Mail". Without <see cref="SmtpHost"/> mails are written as .eml files into
/// &lt;DataPath&gt;/tenants/&lt;tenant&gt;/mail/ (a pickup folder); with it they are sent over SMTP.
/// </summary>
public sealed class MailOptions
{
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The sender's address; the display name is the municipality's.</summary>
    public string From { get; set; } = "no-reply@localhost";

    /// <summary>
    /// A PEM file of certificates trusted as roots for the SMTP server's certificate, besides the system's: the
    /// internal CA of a regional relay, or the relay's own self-signed certificate. The host name is still checked.
    /// </summary>
    public string? TrustedCaFile { get; set; }

    /// <summary>How long one SMTP connection or command may take.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
