using Municipal.Core.Content;

namespace Municipal.Core.Tests.Content;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Déclaration d'accessibilité", "declaration-d-accessibilite")]
    [InlineData("  Œuvres & Cœur de village  ", "oeuvres-coeur-de-village")]
    [InlineData("Été 2026 : fête à Héronval !", "ete-2026-fete-a-heronval")]
    [InlineData("Ça coûte combien ?", "ca-coute-combien")]
    [InlineData("Straße", "strasse")]
    [InlineData("!!!", "page")]
    public void A_title_becomes_a_lowercase_ascii_slug(string title, string expected) => Assert.Equal(expected, Slugs.FromTitle(title));

    [Fact]
    public void A_long_title_is_cut_without_a_trailing_dash()
    {
        var slug = Slugs.FromTitle(string.Join(' ', Enumerable.Repeat("conseil communal", 20)));
        Assert.True(slug.Length <= Slugs.MaxSlugLength);
        Assert.False(slug.EndsWith('-'));
        Assert.True(Slugs.IsSlug(slug));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("vivre/environnement/dechets", true)]
    [InlineData("vivre//dechets", false)]
    [InlineData("../etc", false)]
    [InlineData("Vivre", false)]
    [InlineData("vivre/", false)]
    public void Paths_are_slugs_separated_by_slashes(string path, bool valid) => Assert.Equal(valid, Slugs.IsPath(path));

    [Fact]
    public void Ancestors_and_parent_follow_the_tree()
    {
        Assert.Equal(["a", "a/b"], Slugs.Ancestors("a/b/c"));
        Assert.Equal("a/b", Slugs.Parent("a/b/c"));
        Assert.Equal(string.Empty, Slugs.Parent("a"));
    }
}
