namespace Municipal.Pages.Models;

/// <summary>Content type names of this module.</summary>
public static class PageTypes
{
    public const string Page = "Page";
    public const string HomePage = "HomePage";
}

/// <summary>A page of the site tree: title, optional summary, and its body as sanitized HTML.</summary>
public sealed record PageParts(string Title, string? Summary, string BodyHtml);

/// <summary>The home page: a welcome text and quick links to the most asked pages.</summary>
public sealed record HomePageParts(string Title, string? IntroHtml, IReadOnlyList<QuickLink> QuickLinks);

public sealed record QuickLink(string Label, string Url);
