using Municipal.Core.Content;

namespace Municipal.Core.Tests.Content;

/// <summary>
/// What the back office's rich-text editor (TipTap, Admin/editor) posts survives the sanitizer unchanged, and what a
/// crafted post adds to it does not.
/// </summary>
public sealed class RichTextEditorOutputTests
{
    // The HTML the editor writes: headings 2 to 4, paragraphs with bold, italic and line breaks, both kinds of list
    // (a numbered one may start further on), a quotation, links and an image of the media library.
    [Theory]
    [InlineData("<h2>Horaires</h2><h3>Guichet</h3><h4>Été</h4>")]
    [InlineData("<p><strong>Lundi</strong> et <em>mardi</em><br>de 9 h à 12 h</p>")]
    [InlineData("<ul><li><p>Carte d'identité</p></li><li><p>Passeport</p></li></ul>")]
    [InlineData("<ol><li><p>Prendre rendez-vous</p></li></ol><ol start=\"3\"><li><p>Payer</p></li></ol>")]
    [InlineData("<blockquote><p>Une commune à taille humaine.</p></blockquote>")]
    [InlineData("<p><a href=\"https://www.bellefontaine.be/horaires\">Nos horaires</a>, <a href=\"mailto:population@bellefontaine.be\">écrire</a>, <a href=\"tel:+3281000000\">appeler</a>, <a href=\"/contact\">contact</a></p>")]
    [InlineData("<p>Le parc :</p><img src=\"/medias/2026/11/parc-1600.webp\" alt=\"Le parc communal au printemps\">")]
    public void The_editors_output_is_kept_as_it_is(string html) =>
        Assert.Equal(html, RichText.FromHtml(html).Html);

    [Fact]
    public void What_the_editor_never_writes_is_stripped_from_a_crafted_post()
    {
        var html = RichText.FromHtml(
            "<h2 onclick=\"alert(1)\">Titre</h2><script>alert(2)</script>" +
            "<p><a href=\"javascript:alert(3)\">piège</a> <a href=\"https://www.bellefontaine.be\" onmouseover=\"alert(4)\">site</a></p>" +
            "<img src=\"/medias/parc.webp\" alt=\"Parc\" onerror=\"alert(5)\">").Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h2>Titre</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.bellefontaine.be\">site</a>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/medias/parc.webp\" alt=\"Parc\">", html, StringComparison.Ordinal);
    }
}
