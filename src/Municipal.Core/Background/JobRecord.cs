namespace Municipal.Core.Background;

/// <summary>
/// A unit of background work (scheduled publish, mail, purge) kept in the host database: it survives restarts,
/// is retried with back-off, and is claimed by one node at a time.
/// </summary>
public sealed class JobRecord
{
    public long Id { get; set; }

    public required string TenantName { get; set; }

    /// <summary>Selects the <see cref="IJobHandler"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>What the handler needs (an id), as the handler wrote it.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset DueUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set while a node runs the job; a crashed node's claim expires.</summary>
    public DateTimeOffset? LockedUntilUtc { get; set; }

    public DateTimeOffset? CompletedUtc { get; set; }

    /// <summary>Set when the job gave up after too many attempts.</summary>
    public DateTimeOffset? FailedUtc { get; set; }

    public string? LastError { get; set; }
}
