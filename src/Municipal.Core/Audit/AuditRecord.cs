namespace Municipal.Core.Audit;

/// <summary>
/// One line of a tenant's audit log: who did what to which object, and when. Written in the same transaction as
/// the change it tells of, never updated.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset AtUtc { get; set; }

    /// <summary>The user's id; null for the system (a scheduled publication, a recipe).</summary>
    public string? UserId { get; set; }

    /// <summary>The user's e-mail address at the time, or the system's name ("Publication programmée", "Recette").</summary>
    public required string Actor { get; set; }

    /// <summary>What was done: one of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What kind of object: a content type ("Page"), "Media", "User", "Menu", "Settings"...</summary>
    public required string ObjectType { get; set; }

    public string? ObjectId { get; set; }

    /// <summary>The object's name as people read it (a title, a file name, an e-mail address).</summary>
    public required string ObjectName { get; set; }

    /// <summary>Anything more worth knowing ("programmée le 3 décembre à 9 h", a review comment).</summary>
    public string? Details { get; set; }
}

/// <summary>
/// The core's actions of the audit log; their French labels are in CoreText ("Audit.&lt;action&gt;"). Modules name actions
/// of their own (e.g. the e-counter's RequestAudit) and label them in their own texts.
/// </summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Changed = "changed";
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string Scheduled = "scheduled";
    public const string ScheduleCancelled = "schedule-cancelled";
    public const string Restored = "restored";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string SentBack = "sent-back";
    public const string Trashed = "trashed";
    public const string Deleted = "deleted";
    public const string Uploaded = "uploaded";
    public const string Invited = "invited";
    public const string RolesChanged = "roles-changed";
    public const string SignedIn = "signed-in";
}
