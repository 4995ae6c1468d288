using Municipal.Admin.Site;
using Municipal.Core.Content;

namespace Municipal.Core.Tests.Admin;

/// <summary>The menu editor's rows: a first-level link moves with its sub-links, a sub-link stays under its parent.</summary>
public sealed class MenuRowsTests
{
    private static readonly List<MenuRow> Rows =
    [
        Row("Ma commune"),
        Row("Présentation", nested: true),
        Row("Conseil", nested: true),
        Row("Démarches"),
        Row("Carte d'identité", nested: true),
        Row("Contact"),
    ];

    [Fact]
    public void A_first_level_link_moves_down_with_its_sub_links()
    {
        var (rows, index) = MenuRows.Move(Rows, 0, 1);

        Assert.Equal(["Démarches", "Carte d'identité", "Ma commune", "Présentation", "Conseil", "Contact"], rows.Select(r => r.Label));
        Assert.Equal(2, index);
        Assert.Equal("position 2 sur 3", MenuRows.Position(rows, index));
    }

    [Fact]
    public void A_sub_link_moves_among_its_siblings_only()
    {
        var (rows, index) = MenuRows.Move(Rows, 2, -1);
        Assert.Equal(["Ma commune", "Conseil", "Présentation"], rows.Take(3).Select(r => r.Label));
        Assert.Equal("position 1 sur 2 sous « Ma commune »", MenuRows.Position(rows, index));

        var groups = MenuRows.Groups(Rows);
        Assert.False(MenuRows.CanMoveUp(groups, 1));   // first sub-link: it does not leave its parent
        Assert.False(MenuRows.CanMoveDown(groups, 4)); // only sub-link of « Démarches »
        Assert.False(MenuRows.CanMoveDown(groups, 5)); // last first-level link
        Assert.True(MenuRows.CanMoveUp(groups, 3));
        Assert.Equal(Rows.Select(r => r.Label), MenuRows.Move(Rows, 4, 1).Rows.Select(r => r.Label));
    }

    [Fact]
    public void Removing_a_first_level_link_removes_its_sub_links_and_the_tree_round_trips()
    {
        var rows = new List<MenuRow>(Rows);
        Assert.Equal(2, MenuRows.Remove(rows, 0));
        Assert.Equal(["Démarches", "Carte d'identité", "Contact"], rows.Select(r => r.Label));

        var items = MenuRows.ToItems(Rows);
        Assert.Equal(3, items.Count);
        Assert.Equal(["Présentation", "Conseil"], items[0].Children!.Select(c => c.Label));
        Assert.Equal(Rows, MenuRows.FromItems(items, new HashSet<string>()));
    }

    [Theory]
    [InlineData("/demarches", true)]
    [InlineData("/", true)]
    [InlineData("https://www.wallonie.be/fr", true)]
    [InlineData("http://www.wallonie.be", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("demarches", false)]
    [InlineData("/vie communale", false)]
    public void Only_site_paths_and_https_addresses_are_allowed(string url, bool allowed) =>
        Assert.Equal(allowed, SiteAddresses.IsAllowed(url));

    private static MenuRow Row(string label, bool nested = false) => new(label, string.Empty, "/" + label.Length, nested);
}
