namespace Municipal.Admin;

/// <summary>
/// The button of a row-list editor that posted the form: "up-3", "down-3", "remove-3" act on a row, "add" adds the
/// new row, anything else (the main button, or a button naming a row that is not there) saves.
/// </summary>
public readonly record struct RowAction(string Verb, int Index)
{
    public const string Up = "up";
    public const string Down = "down";
    public const string Remove = "remove";
    public const string Add = "add";
    public const string Save = "save";

    /// <summary>-1 for up, 1 for down.</summary>
    public int Direction => Verb == Up ? -1 : 1;
}

/// <summary>
/// The server side of the back office's row-list editors (menus, taxonomies; built for the form builder too): every
/// button posts the whole form, so nothing typed is lost. The rows come back numbered ("rows" = how many, then each
/// row's fields under "{prefix}-{i}-"), the button's action is read, and the row moved or removed before checking.
/// </summary>
public static class RowList
{
    /// <summary>The posted rows, at most <paramref name="maxRows"/>; <paramref name="readRow"/> reads one row's fields under its prefix ("item-3-").</summary>
    public static List<T> Read<T>(IFormCollection form, string prefix, int maxRows, Func<string, T> readRow)
    {
        var count = int.TryParse(form["rows"], out var n) ? Math.Clamp(n, 0, maxRows) : 0;
        return Enumerable.Range(0, count).Select(i => readRow($"{prefix}-{i}-")).ToList();
    }

    /// <summary>"up-3" → (up, 3); a button naming a row that is not there saves, as the main button does.</summary>
    public static RowAction Action(string action, int rowCount)
    {
        var dash = action.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && int.TryParse(action.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < rowCount)
        {
            var verb = action[..dash];
            if (verb is RowAction.Up or RowAction.Down or RowAction.Remove)
            {
                return new RowAction(verb, index);
            }
        }

        return new RowAction(action == RowAction.Add ? RowAction.Add : RowAction.Save, -1);
    }

    /// <summary>Swaps the row with its neighbour in <paramref name="direction"/> when there is one; returns the row's new index.</summary>
    public static int Move<T>(List<T> rows, int index, int direction)
    {
        var other = index + direction;
        if (other < 0 || other >= rows.Count)
        {
            return index;
        }

        (rows[index], rows[other]) = (rows[other], rows[index]);
        return other;
    }
}
