namespace Municipal.Admin;

/// <summary>The search box of the back office's lists (contents, media).</summary>
public static class AdminSearch
{
    /// <summary>
    /// The typed text, trimmed, without control characters: none can be in a title or a file name, and PostgreSQL
    /// refuses a NUL byte in a query parameter (the list answered 500 to "?q=%00").
    /// </summary>
    public static string Term(string? typed) =>
        new string((typed ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
}
