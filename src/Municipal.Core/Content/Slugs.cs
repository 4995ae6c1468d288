using System.Text.RegularExpressions;

namespace Municipal.Core.Content;

/// <summary>Addresses of content: slugs made from titles (French accents folded) and validated paths.</summary>
public static partial class Slugs
{
    public const int MaxSlugLength = 80;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();

    /// <summary>"Déclaration d'accessibilité" → "declaration-d-accessibilite"; "Cœur" → "coeur".</summary>
    public static string FromTitle(string title)
    {
        var folded = Fold(title.Trim());
        var slug = new StringBuilder(folded.Length);
        var dash = false;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
                dash = false;
            }
            else if (!dash && slug.Length > 0)
            {
                slug.Append('-');
                dash = true;
            }
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > MaxSlugLength)
        {
            result = result[..MaxSlugLength].TrimEnd('-');
        }

        return result.Length == 0 ? "page" : result;
    }

    /// <summary>
    /// Text as compared when accents must not matter: lower case, accents taken off, ligatures spelt out
    /// ("Cœur Müller" → "coeur muller"). Slugs are made from it; the e-counter's search stores and matches it.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant()
            .Replace("œ", "oe", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    public static bool IsSlug(string value) => value.Length <= MaxSlugLength && SlugPattern().IsMatch(value);

    /// <summary>A site path without leading or trailing slash: slugs separated by "/". The empty path is the home page.</summary>
    public static bool IsPath(string value) => value.Length == 0 || (value.Length <= 400 && PathPattern().IsMatch(value));

    /// <summary>The parent path ("a/b" → "a"; "a" → "").</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>Every ancestor path from the top: "a/b/c" → "a", "a/b".</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        for (var i = path.IndexOf('/'); i >= 0; i = path.IndexOf('/', i + 1))
        {
            yield return path[..i];
        }
    }
}
