namespace Municipal.Admin.Site;

/// <summary>
/// A link of the menu editor as a form row: the tree of the menu (one level of nesting) is edited as a flat
/// list where a row marked <see cref="Nested"/> belongs to the first-level row above it.
/// </summary>
/// <param name="Page">The site path of a published page chosen in the select, or empty.</param>
/// <param name="Address">The address typed when no page is chosen.</param>
public sealed record MenuRow(string Label, string Page, string Address, bool Nested)
{
    public const int MaxLabelLength = 100;

    public string Target => Page.Length > 0 ? Page : Address;

    public bool IsBlank => Label.Length == 0 && Page.Length == 0 && Address.Length == 0;
}

/// <summary>The errors of one row, each tied to its field.</summary>
public sealed record MenuRowErrors(string? Label, string? Page, string? Address, string? Nested)
{
    public bool Any => Label is not null || Page is not null || Address is not null || Nested is not null;
}

/// <summary>Reads, reorders and validates the rows of the menu editor.</summary>
public static class MenuRows
{
    /// <summary>More rows than a menu could sensibly hold are not read (a forged form).</summary>
    public const int MaxRows = 200;

    public static List<MenuRow> FromItems(IReadOnlyList<MenuItem> items, IReadOnlySet<string> pagePaths)
    {
        var rows = new List<MenuRow>();
        foreach (var item in items)
        {
            rows.Add(Row(item, nested: false));
            rows.AddRange((item.Children ?? []).Select(child => Row(child, nested: true)));
        }

        return rows;

        MenuRow Row(MenuItem item, bool nested) => pagePaths.Contains(item.Url)
            ? new MenuRow(item.Label, item.Url, string.Empty, nested)
            : new MenuRow(item.Label, string.Empty, item.Url, nested);
    }

    public static IReadOnlyList<MenuItem> ToItems(IReadOnlyList<MenuRow> rows) =>
        Groups(rows).Select(group => new MenuItem(
            group[0].Label,
            group[0].Target,
            group.Count > 1 ? group.Skip(1).Select(r => new MenuItem(r.Label, r.Target)).ToList() : null)).ToList();

    public static List<MenuRow> Read(IFormCollection form) => RowList.Read(form, "item", MaxRows, prefix => ReadRow(form, prefix));

    public static MenuRow ReadRow(IFormCollection form, string prefix) => new(
        form[prefix + "label"].ToString().Trim(),
        form[prefix + "page"].ToString().Trim(),
        form[prefix + "address"].ToString().Trim(),
        form[prefix + "nested"] == "true");

    /// <summary>
    /// The rows grouped as the menu's tree: each group is a first-level row and its nested rows. Nested rows at
    /// the very top (no row above them) form a group of their own, which validation refuses.
    /// </summary>
    public static List<List<MenuRow>> Groups(IReadOnlyList<MenuRow> rows)
    {
        var groups = new List<List<MenuRow>>();
        foreach (var row in rows)
        {
            if (!row.Nested || groups.Count == 0)
            {
                groups.Add([]);
            }

            groups[^1].Add(row);
        }

        return groups;
    }

    /// <summary>Which group the row at <paramref name="index"/> is in, and its place in that group (0 for a first-level row).</summary>
    public static (int Group, int Place) Locate(IReadOnlyList<List<MenuRow>> groups, int index)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            if (index < groups[g].Count)
            {
                return (g, index);
            }

            index -= groups[g].Count;
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    public static bool CanMoveUp(IReadOnlyList<List<MenuRow>> groups, int index) =>
        Locate(groups, index) is var (g, place) && (place == 0 ? g > 0 : place > 1);

    public static bool CanMoveDown(IReadOnlyList<List<MenuRow>> groups, int index) =>
        Locate(groups, index) is var (g, place) && (place == 0 ? g < groups.Count - 1 : place < groups[g].Count - 1);

    /// <summary>
    /// Moves a row one place among its siblings: a first-level row with its sub-links, a sub-link within its parent.
    /// Returns the rows in their new order and the moved row's new index (unchanged when it cannot move).
    /// </summary>
    public static (List<MenuRow> Rows, int Index) Move(IReadOnlyList<MenuRow> rows, int index, int direction)
    {
        var groups = Groups(rows);
        var (g, place) = Locate(groups, index);
        if (place == 0)
        {
            var other = g + direction;
            if (other >= 0 && other < groups.Count)
            {
                (groups[g], groups[other]) = (groups[other], groups[g]);
                g = other;
            }
        }
        else
        {
            var other = place + direction;
            if (other >= 1 && other < groups[g].Count)
            {
                (groups[g][place], groups[g][other]) = (groups[g][other], groups[g][place]);
                place = other;
            }
        }

        return (groups.SelectMany(x => x).ToList(), groups.Take(g).Sum(x => x.Count) + place);
    }

    /// <summary>Removes a row; a first-level row goes with its sub-links. Returns how many sub-links went with it.</summary>
    public static int Remove(List<MenuRow> rows, int index)
    {
        var children = 0;
        if (!rows[index].Nested)
        {
            while (index + 1 + children < rows.Count && rows[index + 1 + children].Nested)
            {
                children++;
            }
        }

        rows.RemoveRange(index, 1 + children);
        return children;
    }

    /// <summary>"position 2 sur 4" or "position 1 sur 3 sous « Démarches »", as the notice after a move says it.</summary>
    public static string Position(IReadOnlyList<MenuRow> rows, int index)
    {
        var groups = Groups(rows);
        var (g, place) = Locate(groups, index);
        return place == 0
            ? CoreText.Format("SiteMenuPositionTop", g + 1, groups.Count)
            : CoreText.Format("SiteMenuPositionNested", place, groups[g].Count - 1, groups[g][0].Label);
    }

    /// <summary>Checks a row; <paramref name="name"/> says which row the messages speak of ("le lien 3", "le nouveau lien").</summary>
    public static MenuRowErrors Validate(MenuRow row, string name, bool first, IReadOnlySet<string> pagePaths)
    {
        string? label = null, page = null, address = null, nested = null;
        if (row.Label.Length == 0)
        {
            label = CoreText.Format("SiteMenuLabelRequired", name);
        }
        else if (row.Label.Length > MenuRow.MaxLabelLength)
        {
            label = CoreText.Format("SiteMenuLabelTooLong", name, MenuRow.MaxLabelLength);
        }

        if (row.Page.Length > 0 && !pagePaths.Contains(row.Page))
        {
            page = CoreText.Format("SiteMenuPageUnpublished", name);
        }
        else if (row.Target.Length == 0)
        {
            address = CoreText.Format("SiteMenuTargetRequired", name);
        }
        else if (row.Page.Length == 0 && !SiteAddresses.IsAllowed(row.Address))
        {
            address = CoreText.Format("SiteMenuAddressInvalid", name);
        }

        if (row.Nested && first)
        {
            nested = CoreText.Format("SiteMenuNestedFirst", name);
        }

        return new MenuRowErrors(label, page, address, nested);
    }
}
