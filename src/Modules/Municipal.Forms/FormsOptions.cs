namespace Municipal.Forms;

/// <summary>Settings of the e-counter, read from the section "Municipal" (so that they sit beside the core's).</summary>
public sealed class FormsOptions
{
    /// <summary>
    /// Requests per client IP address and minute, per tenant, on the endpoints that take or look up a citizen's
    /// request (the API's submissions and status, the send of the summary page, the follow-up page's look-ups); beyond it, 429.
    /// Config key <c>Municipal:SubmissionsPerMinutePerIp</c>.
    /// </summary>
    public int SubmissionsPerMinutePerIp { get; set; } = 20;

    /// <summary>
    /// Writes per client and minute, per tenant, on the public pages' other posts (form steps, save-and-resume,
    /// follow-up answers, citizen sign-in): far above what a person filling a form posts (a
    /// six-step form is about ten posts), low enough that a script cannot fill the disk or the outbox quickly.
    /// Config key <c>Municipal:PublicWritesPerMinutePerIp</c>.
    /// </summary>
    public int PublicWritesPerMinutePerIp { get; set; } = 60;

    /// <summary>Total size of the files waiting in drafts, per tenant, in MB. Config key <c>Municipal:DraftFilesMegabytesPerTenant</c>.</summary>
    public int DraftFilesMegabytesPerTenant { get; set; } = 500;

    /// <summary>Total size of the files waiting in one client's drafts, per tenant, in MB. Config key <c>Municipal:DraftFilesMegabytesPerClient</c>.</summary>
    public int DraftFilesMegabytesPerClient { get; set; } = 50;

    /// <summary>Citizen mails the public can trigger (resume links, receipts) per recipient address and hour, per tenant. Config key <c>Municipal:CitizenMailsPerRecipientPerHour</c>.</summary>
    public int CitizenMailsPerRecipientPerHour { get; set; } = 5;

    /// <summary>Citizen mails the public can trigger (resume links, receipts) per client and hour, per tenant. Config key <c>Municipal:CitizenMailsPerClientPerHour</c>.</summary>
    public int CitizenMailsPerClientPerHour { get; set; } = 20;

    internal long DraftBytesPerTenant => Math.Max(0, DraftFilesMegabytesPerTenant) * 1024L * 1024L;

    internal long DraftBytesPerClient => Math.Max(0, DraftFilesMegabytesPerClient) * 1024L * 1024L;
}
