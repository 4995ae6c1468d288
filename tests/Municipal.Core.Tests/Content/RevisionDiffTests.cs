using Municipal.Core.Content;

namespace Municipal.Core.Tests.Content;

public sealed class RevisionDiffTests
{
    private sealed record Sample(string Title, string? Summary, RichText Body, SeoPart? Seo, IReadOnlyList<string> Documents);

    [Fact]
    public void Fields_are_flattened_with_french_labels_and_rich_text_is_compared_on_its_words()
    {
        var older = Revision(new Sample("Piscine", "Horaires", RichText.FromHtml("<p>Ouverte le <strong>lundi</strong></p>"), new SeoPart("Piscine communale"), ["Carte d'identité"]));
        var newer = Revision(new Sample("Piscine", "Horaires", RichText.FromHtml("<p>Ouverte le <em>mardi</em></p>"), new SeoPart("Piscine de la commune"), ["Carte d'identité", "Photo"]));

        var comparison = RevisionDiff.Compare(older, newer);

        Assert.Equal(["Texte", "Référencement – Description pour les moteurs de recherche", "Documents à fournir 2"], comparison.Changes.Select(c => c.Label));
        var body = comparison.Changes[0].Diff.Segments;
        Assert.Equal([new(DiffKind.Same, "Ouverte le"), new(DiffKind.Removed, "lundi"), new DiffSegment(DiffKind.Added, "mardi")], body);
        Assert.Equal(6, comparison.UnchangedCount); // title, address, summary, the two social fields, the first document
    }

    [Fact]
    public void A_new_item_has_every_field_added_and_unknown_names_keep_their_own_name()
    {
        var comparison = RevisionDiff.Compare(null, Revision(new { Title = "Agenda", Horaire = "9 h" }));

        Assert.All(comparison.Changes, c => Assert.All(c.Diff.Segments, s => Assert.Equal(DiffKind.Added, s.Kind)));
        Assert.Contains(comparison.Changes, c => c.Label == "Horaire");
        Assert.Contains(comparison.Changes, c => c.Label == "Adresse");
        Assert.Equal(0, comparison.UnchangedCount);
    }

    [Fact]
    public void Html_becomes_its_text_with_entities_decoded() =>
        Assert.Equal("Tarif : 5 € & gratuit", RevisionDiff.TextOfHtml("<p>Tarif&nbsp;:</p><ul><li>5&nbsp;€ &amp;</li><li>gratuit</li></ul>").Replace('\u00a0', ' '));

    private static ContentItemRecord Revision<T>(T content) => new()
    {
        ContentItemId = "x",
        ContentType = "Page",
        DisplayText = "Piscine",
        Path = "piscine",
        Data = ContentStore.Serialize(content),
    };
}
