namespace Municipal.Core.Storage;

/// <summary>
/// One sign-in to the back office, the server's side of its cookie: the cookie names the row, and a cookie whose row
/// is closed, too old or idle too long is refused (<c>AdminSessions</c> of the back office).
/// </summary>
public sealed class AdminSessionRecord
{
    /// <summary>Random and unguessable (256 bits); only ever in the cookie's protected ticket, never in a page.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>
    /// The user's security stamp when the row was opened (or the cookie last refreshed): a password change or reset,
    /// new roles or disabling the account change the stamp and so end the session, and take it off the list.
    /// </summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset LastSeenUtc { get; set; }

    /// <summary>"Firefox, Windows — réseau 203.0.113.x": enough for a user to recognise a session, not to locate them.</summary>
    public required string Client { get; set; }

    public DateTimeOffset? RevokedUtc { get; set; }
}
