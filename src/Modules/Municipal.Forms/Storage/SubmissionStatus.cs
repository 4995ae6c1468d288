using Municipal.Core.Resources;

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

public static class SubmissionStatusLabels
{
    /// <summary>The French label shown to citizens and agents ("Reçue", "En traitement"...).</summary>
    public static string Label(this SubmissionStatus status) => CoreText.Get("FormsStatus" + status);
}
