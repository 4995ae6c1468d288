namespace Municipal.Core.Mail;

/// <summary>
/// The section "Municipal:Mail". Without <see cref="SmtpHost"/> mails are written as .eml files into
/// &lt;DataPath&gt;/tenants/&lt;tenant&gt;/mail/ (a pickup folder); with it they are sent over SMTP.
/// </summary>
public sealed class MailOptions
{
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>
    /// How the connection is protected. <see cref="SmtpTls.StartTls"/> by default: the server must offer STARTTLS, or
    /// nothing is sent. "When available" would let anyone on the path strip the offer and read the password, the reset
    /// links and the receipts in clear. <see cref="SmtpTls.None"/> is for a relay on the same machine, and never
    /// sends a password.
    /// </summary>
    public SmtpTls SmtpTls { get; set; } = SmtpTls.StartTls;

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

/// <summary>The protection of the SMTP connection (Municipal:Mail:SmtpTls).</summary>
public enum SmtpTls
{
    /// <summary>STARTTLS required (port 587 or 25).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Implicit,

    /// <summary>No TLS: a relay on the same machine only; a configured user is then refused.</summary>
    None,
}
