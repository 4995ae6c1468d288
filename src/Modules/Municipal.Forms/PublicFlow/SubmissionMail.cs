using Microsoft.AspNetCore.Identity;
using MimeKit;
using Municipal.Core.Mail;

namespace Municipal.Forms.PublicFlow;

/// <summary>
/// The citizen's mails, through the durable outbox (a mail server that is down delays them, never loses them):
/// the receipt with the tracking code, and the agents' messages.
/// </summary>
public sealed class SubmissionMail(
    MailOutbox outbox, TenantContext tenant, TenantUrls urls, FormsDbContext db, UserManager<IdentityUser> users, CitizenMailThrottle throttle)
{
    /// <summary>The follow-up page, where the code and the e-mail give the status.</summary>
    public const string FollowUpPath = "/e-guichet/suivi";

    /// <summary>
    /// The receipt: the form's and the municipality's names, the code, the date and the follow-up link, never the
    /// answers: anyone can type any address, so a receipt must carry no text of the sender's choosing (the answers
    /// are on the follow-up page, behind the code and the e-mail). False when the mail throttle holds it back
    /// (<paramref name="clientKey"/>: the sender's, see <see cref="Core.Security.ClientKey"/>).
    /// </summary>
    public async Task<bool> EnqueueReceiptAsync(FormDefinition form, SubmissionRecord submission, string clientKey, CancellationToken cancellationToken)
    {
        if (!await throttle.TryReserveAsync(clientKey, submission.Email, cancellationToken))
        {
            return false;
        }

        var message = NewMessage(submission.Email, FormsText.Format("FormsReceiptSubject", form.Title, submission.TrackingCode));
        message.Body = new TextPart("plain")
        {
            Text = FormsText.Format(
                "FormsReceiptBody",
                form.Title,
                tenant.Tenant.DisplayName,
                submission.TrackingCode,
                FollowUpLink(submission),
                BrusselsTime.Format(submission.CreatedUtc),
                form.ConfirmationText ?? string.Empty),
        };
        await outbox.EnqueueAsync(tenant.Tenant, message, cancellationToken);
        return true;
    }

    /// <summary>
    /// An agent's message (or question) to the citizen; it is also shown on the follow-up page. The subject says what
    /// happened ("Votre demande EG-… : information demandée"), and that a document waits on the follow-up page. In the
    /// mail, a national number or an IBAN the agent quoted shows its last digits only (the follow-up page shows it whole).
    /// </summary>
    public async Task EnqueueAgentMessageAsync(
        string formTitle, SubmissionRecord submission, string text, string happened, bool withDocument, CancellationToken cancellationToken)
    {
        var subject = FormsText.Format(withDocument ? "FormsMailSubjectWithDocument" : "FormsMailSubject", submission.TrackingCode, happened);
        var message = NewMessage(submission.Email, subject);
        message.Body = new TextPart("plain")
        {
            Text = FormsText.Format("FormsMessageBody", formTitle, tenant.Tenant.DisplayName, submission.TrackingCode, IdentifierFormat.MaskInText(text), FollowUpLink(submission)),
        };
        await outbox.EnqueueAsync(tenant.Tenant, message, cancellationToken);
    }

    /// <summary>
    /// Tells the agent in charge that the citizen answered: the assignee, else the agent who last wrote to the
    /// citizen or moved the request. The mail holds a link to the request, not the answer (it stays in the back office).
    /// Nobody to tell (no agent involved yet, or the user is gone): the request's history and the queue show it anyway.
    /// </summary>
    public async Task EnqueueCitizenReplyAsync(SubmissionRecord submission, CancellationToken cancellationToken)
    {
        var agentId = submission.AssigneeId ?? await db.Events.AsNoTracking()
            .Where(e => e.SubmissionId == submission.Id && e.AuthorId != null)
            .OrderByDescending(e => e.Id)
            .Select(e => e.AuthorId)
            .FirstOrDefaultAsync(cancellationToken);
        if (agentId is null || await users.FindByIdAsync(agentId) is not { Email: { Length: > 0 } email })
        {
            return;
        }

        var message = NewMessage(email, FormsText.Format("FormsReplyMailSubject", submission.TrackingCode));
        message.Body = new TextPart("plain")
        {
            Text = FormsText.Format("FormsReplyMailBody", submission.TrackingCode, tenant.Tenant.DisplayName, urls.Root(tenant.Tenant) + RequestRoutes.Detail(submission.TrackingCode)),
        };
        await outbox.EnqueueAsync(tenant.Tenant, message, cancellationToken);
    }

    /// <summary>The follow-up page with the code filled in (never the e-mail: the citizen types it).</summary>
    public string FollowUpLink(SubmissionRecord submission) =>
        urls.Root(tenant.Tenant) + FollowUpPath + "?code=" + Uri.EscapeDataString(submission.TrackingCode);

    private static MimeMessage NewMessage(string to, string subject)
    {
        var message = new MimeMessage { Subject = subject };
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
