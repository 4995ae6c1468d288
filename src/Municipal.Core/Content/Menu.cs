namespace Municipal.Core.Content;

/// <summary>A navigation menu (main, footer...) of a tenant.</summary>
public sealed class MenuRecord
{
    public required string Name { get; set; }

    /// <summary>The items as JSON of <see cref="MenuItem"/>.</summary>
    public required string Items { get; set; }

    public DateTimeOffset ModifiedUtc { get; set; }
}

/// <summary>A link of a menu; Url is a site path ("/demarches") or an absolute URL.</summary>
public sealed record MenuItem(string Label, string Url, IReadOnlyList<MenuItem>? Children = null);
