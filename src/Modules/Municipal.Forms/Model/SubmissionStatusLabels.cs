namespace Municipal.Forms.Model;

/// <summary>How a request's status reads on the pages and in the exports (storage keeps the name only).</summary>
public static class SubmissionStatusLabels
{
    /// <summary>The French label shown to citizens and agents ("Reçue", "En traitement"...).</summary>
    public static string Label(this SubmissionStatus status) => FormsText.Get("FormsStatus" + status);
}
