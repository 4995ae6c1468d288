namespace Municipal.Forms.Storage;

/// <summary>
/// The form as the officer is building it in the back office, apart from the published versions: it may be
/// incomplete (a step without fields) and is never shown to citizens. "Publier" checks it and stores it as the next
/// <see cref="FormVersionRecord"/>. One row per form (its slug); a form shipped without a working copy starts from its
/// latest version.
/// </summary>
public sealed class FormWorkingCopyRecord
{
    public long Id { get; set; }

    public required string Slug { get; set; }

    /// <summary>The definition (JSON through FormSchemaJson), not necessarily sound.</summary>
    public required string Definition { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}
