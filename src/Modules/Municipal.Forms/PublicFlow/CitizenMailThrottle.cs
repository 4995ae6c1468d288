namespace Municipal.Forms.PublicFlow;

/// <summary>
/// How many mails the public may have the e-counter send (resume links, receipts): per recipient address and per
/// client (<see cref="ClientKey"/>), per hour, in this tenant. Counted in the tenant's database on the injected clock,
/// so that every node counts the same; two mails asked for at the same instant may both pass the last free place,
/// which a throttle can afford. A refused mail never refuses the request or the draft it was for.
/// </summary>
public sealed class CitizenMailThrottle(FormsDbContext db, TimeProvider clock, IOptions<FormsOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>
    /// True, and the mail counted, when a mail to <paramref name="recipient"/> asked for by <paramref name="client"/>
    /// (the key <see cref="ClientKey"/> gives the request's address) may go now.
    /// </summary>
    public async Task<bool> TryReserveAsync(string client, string recipient, CancellationToken cancellationToken)
    {
        var to = recipient.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        var since = now - Window;
        var recent = db.CitizenMails.AsNoTracking().Where(m => m.SentUtc > since);
        if (await recent.CountAsync(m => m.Recipient == to, cancellationToken) >= options.Value.CitizenMailsPerRecipientPerHour
            || await recent.CountAsync(m => m.ClientKey == client, cancellationToken) >= options.Value.CitizenMailsPerClientPerHour)
        {
            return false;
        }

        db.CitizenMails.Add(new CitizenMailRecord { Recipient = to, ClientKey = client, SentUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
