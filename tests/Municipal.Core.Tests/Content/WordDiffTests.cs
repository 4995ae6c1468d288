using Municipal.Core.Content;

namespace Municipal.Core.Tests.Content;

public sealed class WordDiffTests
{
    [Fact]
    public void A_changed_word_is_one_removal_and_one_addition_between_the_kept_words()
    {
        var diff = WordDiff.Compare("Ouvert le lundi matin", "Ouvert le mardi matin");

        Assert.False(diff.ReplacedAsWhole);
        Assert.Equal(
            [new(DiffKind.Same, "Ouvert le"), new(DiffKind.Removed, "lundi"), new(DiffKind.Added, "mardi"), new DiffSegment(DiffKind.Same, "matin")],
            diff.Segments);
    }

    [Fact]
    public void Identical_texts_have_no_change_even_when_their_spacing_differs()
    {
        var diff = WordDiff.Compare("Rue  de la Gare\n12", "Rue de la Gare 12");

        Assert.False(diff.HasChanges);
        Assert.Equal([new DiffSegment(DiffKind.Same, "Rue de la Gare 12")], diff.Segments);
    }

    [Fact]
    public void Words_added_in_the_middle_and_at_the_end_are_found_and_the_rest_kept()
    {
        var diff = WordDiff.Compare("Collecte des sacs le mercredi", "Collecte des sacs bleus le mercredi matin");

        Assert.Equal(
            [new(DiffKind.Same, "Collecte des sacs"), new(DiffKind.Added, "bleus"), new(DiffKind.Same, "le mercredi"), new DiffSegment(DiffKind.Added, "matin")],
            diff.Segments);
    }

    [Fact]
    public void Moved_and_removed_words_keep_the_longest_common_sequence()
    {
        var diff = WordDiff.Compare("a b c d e", "a c d b e");

        Assert.Equal("a c d e", string.Join(' ', diff.Segments.Where(s => s.Kind == DiffKind.Same).Select(s => s.Text)));
        Assert.Equal(["b"], diff.Segments.Where(s => s.Kind == DiffKind.Removed).Select(s => s.Text));
        Assert.Equal(["b"], diff.Segments.Where(s => s.Kind == DiffKind.Added).Select(s => s.Text));
    }

    [Theory]
    [InlineData(null, "Nouveau texte", DiffKind.Added)]
    [InlineData("Ancien texte", "", DiffKind.Removed)]
    public void An_empty_side_makes_the_whole_other_text_added_or_removed(string? older, string? newer, DiffKind kind)
    {
        var segment = Assert.Single(WordDiff.Compare(older, newer).Segments);

        Assert.Equal(kind, segment.Kind);
    }

    [Fact]
    public void Past_the_size_limit_the_changed_middle_is_replaced_as_a_whole_and_the_common_ends_are_kept()
    {
        var older = "Début commun " + string.Join(' ', Enumerable.Range(0, 50).Select(i => "ancien" + i)) + " fin commune";
        var newer = "Début commun " + string.Join(' ', Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? "ancien" + i : "nouveau" + i)) + " fin commune";

        var bounded = WordDiff.Compare(older, newer, maxCells: 100);
        var full = WordDiff.Compare(older, newer);

        Assert.True(bounded.ReplacedAsWhole);
        Assert.Equal([DiffKind.Same, DiffKind.Removed, DiffKind.Added, DiffKind.Same], bounded.Segments.Select(s => s.Kind));
        Assert.Equal("Début commun ancien0", bounded.Segments[0].Text);
        Assert.Equal("fin commune", bounded.Segments[^1].Text);
        Assert.False(full.ReplacedAsWhole);
        Assert.True(full.Segments.Count > 4);
    }

    [Fact]
    public void A_very_long_text_with_one_change_is_still_compared_word_by_word()
    {
        var words = Enumerable.Range(0, 20_000).Select(i => "mot" + i).ToArray();
        var changed = (string[])words.Clone();
        changed[10_000] = "changé";

        var diff = WordDiff.Compare(string.Join(' ', words), string.Join(' ', changed));

        Assert.False(diff.ReplacedAsWhole);
        Assert.Equal(["mot10000"], diff.Segments.Where(s => s.Kind == DiffKind.Removed).Select(s => s.Text));
        Assert.Equal(["changé"], diff.Segments.Where(s => s.Kind == DiffKind.Added).Select(s => s.Text));
    }
}
