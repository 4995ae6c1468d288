using System.Text;
using System.Text.RegularExpressions;

namespace Municipal.Core.Tests.Resources;

/// <summary>
/// The interface speaks French through resources (CoreText.resx, HostText.resx...) so that a de, nl or en file can
/// translate it; a French string literal in C# is a text no translation reaches. Comments and XML docs may quote
/// French, string and character literals may not.
/// </summary>
public sealed partial class NoFrenchInCodeTests
{
    /// <summary>
    /// Files allowed to keep French in literals, each with its reason. Paths are relative to src/, with '/'.
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // Transliteration table of slugs: the French letters are data here, not a text shown to anyone.
        ["Municipal.Core/Content/Slugs.cs"] = "slug transliteration",
    };

    [GeneratedRegex("[éèêëàâçôûùîïœÉÈÊÀÇ«»]")]
    private static partial Regex FrenchLetters();

    [Fact]
    public void No_string_literal_in_the_sources_is_French()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (relative.Contains("/Migrations/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                || relative.Contains("/bin/", StringComparison.Ordinal) || Allowed.ContainsKey(relative))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            found.AddRange(CSharpLiterals.Scan(text)
                .Where(l => FrenchLetters().IsMatch(l.Text))
                .Select(l => $"src/{relative}:{l.Line}: {l.Text}"));
        }

        Assert.True(found.Count == 0, "French text in C# literals (move it to a resource):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scanner_sees_literals_and_skips_comments()
    {
        const string code = """
            // « commentaire »
            /// <summary>« doc »</summary>
            var a = "un"; /* « bloc » */ var b = $"deux {string.Join(", ", x)} {(y ? "trois" : @"qua""tre")}";
            var c = 'é'; var d = "https://example.org"; // « fin »
            """;
        var literals = CSharpLiterals.Scan(code).Select(l => l.Text).ToList();
        Assert.Equal(["un", "deux  ", ", ", "trois", "qua\"tre", "é", "https://example.org"], literals);
        Assert.Equal(4, CSharpLiterals.Scan(code).Single(l => l.Text == "é").Line);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Municipal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Municipal.sln not found above the test's folder.");
    }
}

/// <summary>A string or character literal's text (interpolation holes left out) and the line it starts on.</summary>
internal sealed record CSharpLiteral(int Line, string Text, int Start);

/// <summary>
/// A small C# lexer that is just enough to tell literals from comments and code: regular, verbatim, interpolated
/// and raw strings, character literals, line and block comments, with interpolation holes scanned as code.
/// </summary>
internal static class CSharpLiterals
{
    public static IReadOnlyList<CSharpLiteral> Scan(string text)
    {
        var found = new List<CSharpLiteral>();
        var i = 0;
        Code(text, ref i, found, inHole: false);
        // A hole's literals are found before the string around them is closed: back to the order of the source.
        return found.OrderBy(l => l.Start).ToList();
    }

    private static void Code(string s, ref int i, List<CSharpLiteral> found, bool inHole)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && At(s, i + 1) == '/')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(s, i + 1) == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? s.Length : end + 2;
            }
            else if (c == '\'')
            {
                var start = i++;
                var sb = new StringBuilder();
                while (i < s.Length && s[i] != '\'')
                {
                    sb.Append(s[i] == '\\' ? s[++i] : s[i]);
                    i++;
                }

                i++;
                found.Add(new(LineOf(s, start), sb.ToString(), start));
            }
            else if (c is '"' or '$' or '@' && StringStart(s, i) is { } prefix)
            {
                var start = i;
                i += prefix.Length;
                String(s, ref i, found, start, prefix.Contains('$'), prefix.Contains('@'));
            }
            else if (inHole && c == '{')
            {
                depth++;
                i++;
            }
            else if (inHole && c == '}')
            {
                i++;
                if (depth-- == 0)
                {
                    return;
                }
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The prefix before a string's opening quote ("$@", "@", "$", or ""), or null when none starts at i.</summary>
    private static string? StringStart(string s, int i)
    {
        var j = i;
        while (j < s.Length && s[j] is '$' or '@')
        {
            j++;
        }

        return At(s, j) == '"' && (j == i || !char.IsLetterOrDigit(At(s, i - 1))) ? s[i..j] : null;
    }

    private static void String(string s, ref int i, List<CSharpLiteral> found, int start, bool interpolated, bool verbatim)
    {
        var sb = new StringBuilder();
        if (s.AsSpan(i).StartsWith("\"\"\""))
        {
            // Raw string: closed by as many quotes as opened it; holes are kept as text (only a scan for letters).
            var quotes = 0;
            while (At(s, i) == '"')
            {
                quotes++;
                i++;
            }

            var close = new string('"', quotes);
            var end = s.IndexOf(close, i, StringComparison.Ordinal);
            end = end < 0 ? s.Length : end;
            found.Add(new(LineOf(s, start), s[i..end], start));
            i = end + quotes;
            return;
        }

        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"' && verbatim && At(s, i + 1) == '"')
            {
                sb.Append('"');
                i += 2;
            }
            else if (c == '"')
            {
                i++;
                break;
            }
            else if (c == '\\' && !verbatim)
            {
                sb.Append(At(s, i + 1));
                i += 2;
            }
            else if (interpolated && c is '{' or '}' && At(s, i + 1) == c)
            {
                sb.Append(c);
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                i++;
                Code(s, ref i, found, inHole: true);
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        found.Add(new(LineOf(s, start), sb.ToString(), start));
    }

    private static char At(string s, int i) => i >= 0 && i < s.Length ? s[i] : '\0';

    private static int LineOf(string s, int index) => s.AsSpan(0, index).Count('\n') + 1;
}
