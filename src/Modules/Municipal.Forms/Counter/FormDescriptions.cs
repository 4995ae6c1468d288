namespace Municipal.Forms.Counter;

/// <summary>One line about a form, for lists and for search engines: the first paragraph of its introduction, shortened.</summary>
public static class FormDescriptions
{
    public const int MaxLength = 160;

    /// <summary>The first non-empty line of the form's introduction, at most <see cref="MaxLength"/> characters, or null.</summary>
    public static string? OneLine(FormDefinition form)
    {
        var line = form.Intro?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line is null ? null : Shorten(line);
    }

    /// <summary>The form's line, or its title when it has no introduction (a page's meta description).</summary>
    public static string MetaDescription(FormDefinition form) => OneLine(form) ?? form.Title;

    private static string Shorten(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength - 1);
        return text[..(cut > MaxLength / 2 ? cut : MaxLength - 1)].TrimEnd(' ', ',', ';', ':', '.') + "…";
    }
}
