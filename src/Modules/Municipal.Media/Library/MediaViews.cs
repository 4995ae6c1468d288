namespace Municipal.Media.Library;

/// <summary>An image of the library page: thumbnail, name, alternative text or its absence.</summary>
public sealed record MediaCardView(string Name, string? Alt, string ThumbnailUrl, string EditUrl, string Size, string? Folder);

/// <summary>An option of a folder select, or a link of the folder list.</summary>
public sealed record MediaFolderView(long Id, string Name, string Url, bool Selected);

/// <summary>A content item using an image, linked to its editor.</summary>
public sealed record MediaUsageView(string Title, string Url, string Type);

/// <summary>A file of an image, as the edit page lists them.</summary>
public sealed record MediaSizeView(string Label, string Url);

/// <summary>A link of the pagination.</summary>
public sealed record MediaPageLinkView(string Label, string Url, bool Current);
