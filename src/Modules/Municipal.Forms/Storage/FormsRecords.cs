namespace Municipal.Forms.Storage;

/// <summary>One version of a form's definition (JSON through FormSchemaJson). A submission keeps the version it answered.</summary>
public sealed class FormVersionRecord
{
    public long Id { get; set; }

    public required string Slug { get; set; }

    public int Version { get; set; }

    public required string Definition { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public bool Enabled { get; set; } = true;
}

/// <summary>A citizen's request: the answers (JSON, files as references) and where it stands.</summary>
public sealed class SubmissionRecord
{
    public required string Id { get; set; }

    public required string TrackingCode { get; set; }

    public required string FormSlug { get; set; }

    public int FormVersion { get; set; }

    public required string Email { get; set; }

    public required string Values { get; set; }

    public SubmissionStatus Status { get; set; } = SubmissionStatus.Received;

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}

/// <summary>A file sent with a submission. <see cref="StoredPath"/> is relative to the tenant's private folder.</summary>
public sealed class SubmissionAttachmentRecord
{
    public long Id { get; set; }

    public required string SubmissionId { get; set; }

    public required string FieldName { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string StoredPath { get; set; }
}
