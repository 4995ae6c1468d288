using Municipal.Core.Content;

namespace Municipal.Core.Tests.Content;

public sealed class RichTextTests
{
    [Theory]
    [InlineData("<p>a<script>alert(1)</script></p>", "<script")]
    [InlineData("<p onmouseover=\"alert(1)\">a</p>", "onmouseover")]
    [InlineData("<a href=\"javascript:alert(1)\">a</a>", "javascript:")]
    [InlineData("<a href=\" jAvAsCrIpT:alert(1)\">a</a>", "alert")]
    [InlineData("<style>p{color:red}</style><p>a</p>", "<style")]
    [InlineData("<p style=\"position:fixed\">a</p>", "style=")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<svg")]
    [InlineData("<math><mtext><img src=x onerror=alert(1)></mtext></math>", "onerror")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"x\">", "data:")]
    [InlineData("<form action=\"https://evil.example\"><input name=p></form>", "<input")]
    public void Hostile_markup_is_stripped(string html, string forbidden) =>
        Assert.DoesNotContain(forbidden, RichText.FromHtml(html).Html, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Ordinary_formatting_and_safe_links_are_kept()
    {
        var html = RichText.FromHtml("<h2>Horaires</h2><p><strong>Lundi</strong> : <a href=\"https://www.wallonie.be\" title=\"Wallonie\">site</a>, <a href=\"mailto:info@ans.be\">écrire</a></p><ul><li>un</li></ul>").Html;

        Assert.Contains("<h2>Horaires</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Lundi</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.wallonie.be\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:info@ans.be\"", html, StringComparison.Ordinal);
        Assert.Contains("<li>un</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_cannot_smuggle_raw_html()
    {
        var html = RichText.FromMarkdown("## Titre\n\n<script>alert(1)</script> et [lien](javascript:alert(2))").Html;

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }
}
