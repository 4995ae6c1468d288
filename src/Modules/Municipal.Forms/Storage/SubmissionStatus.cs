namespace Municipal.Forms.Storage;

/// <summary>The default workflow of a request. Stored by name, so that adding a status never renumbers stored rows.</summary>
public enum SubmissionStatus
{
    Received,
    InProgress,
    InformationRequested,
    Accepted,
    Refused,
    Closed,
}

/// <summary>What a line of a request's history records. Stored by name.</summary>
public enum SubmissionEventKind
{
    Submitted,
    StatusChanged,
    Assigned,
    MessageToCitizen,
    CitizenReply,
    InternalNote,
    Anonymised,
}

public static class SubmissionStatuses
{
    /// <summary>Accepted, refused and closed requests are decided: the retention period runs from their last change.</summary>
    public static bool IsDecided(this SubmissionStatus status) =>
        status is SubmissionStatus.Accepted or SubmissionStatus.Refused or SubmissionStatus.Closed;
}
