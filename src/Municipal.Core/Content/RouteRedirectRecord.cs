namespace Municipal.Core.Content;

/// <summary>A former address of a content item: it answers 301 to wherever the item is now.</summary>
public sealed class RouteRedirectRecord
{
    public required string OldPath { get; set; }

    public required string ContentItemId { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
