namespace Municipal.Forms.Requests;

/// <summary>
/// The e-counter's actions of the audit log: every agent's view, download and export of a citizen's request is
/// written down. Labelled in FormsText ("Audit.&lt;action&gt;"), which the journal reads.
/// </summary>
public static class RequestAudit
{
    public const string RequestViewed = "request-viewed";
    public const string RequestFileDownloaded = "request-file-downloaded";
    public const string RequestsExported = "requests-exported";
    public const string RequestStatusChanged = "request-status-changed";
    public const string RequestAssigned = "request-assigned";
    public const string RequestMessaged = "request-messaged";
    public const string RequestNoted = "request-noted";
}
