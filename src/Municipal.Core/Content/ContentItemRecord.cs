namespace Municipal.Core.Content;

/// <summary>Publication state of one version of a content item.</summary>
public enum ContentStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

/// <summary>Where an item stands in the review workflow (kept on its latest version).</summary>
public enum ReviewState
{
    /// <summary>Nothing asked: being written, or published by someone allowed to.</summary>
    None = 0,

    /// <summary>An author submitted the latest version; an editor approves (publishes) or sends it back.</summary>
    Submitted = 1,

    /// <summary>An editor sent it back with a comment (<see cref="ContentItemRecord.ReviewComment"/>).</summary>
    ChangesRequested = 2,
}

/// <summary>
/// One version of a content item. Its parts are typed records serialized to <see cref="Data"/>; modules keep
/// their own index tables for queries. Every save adds a row, so a version history comes for free.
/// </summary>
public sealed class ContentItemRecord
{
    public long Id { get; set; }

    /// <summary>Stable identifier shared by all versions of the item.</summary>
    public required string ContentItemId { get; set; }

    public required string ContentType { get; set; }

    public required string DisplayText { get; set; }

    /// <summary>Public path without leading slash ("" for the home page); null when the item has no route.</summary>
    public string? Path { get; set; }

    /// <summary>The item's parts as JSON, written and read only through typed records.</summary>
    public required string Data { get; set; }

    public ContentStatus Status { get; set; }

    /// <summary>True on the newest version of the item.</summary>
    public bool Latest { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset ModifiedUtc { get; set; }

    public DateTimeOffset? PublishedUtc { get; set; }

    public string? Author { get; set; }

    /// <summary>The date the item is about (a news article's date), for lists sorted by date.</summary>
    public DateTimeOffset? ContentDate { get; set; }

    /// <summary>Review workflow state; meaningful on the latest version.</summary>
    public ReviewState ReviewState { get; set; }

    /// <summary>The editor's comment when sending back, the author's note when submitting.</summary>
    public string? ReviewComment { get; set; }

    /// <summary>When the item was put in the trash (set on all its versions); null when it is not in the trash.</summary>
    public DateTimeOffset? TrashedUtc { get; set; }
}
