using System.Net;
using System.Text.RegularExpressions;

namespace Municipal.Core.Content;

/// <summary>One field of a revision as people read it: its French label and its text (rich text without its tags).</summary>
public sealed record RevisionField(string Key, string Label, string Text);

/// <summary>A field that differs between two revisions, with its word-level comparison.</summary>
public sealed record FieldChange(string Key, string Label, TextDiff Diff);

/// <summary>What changed from one revision to another, field by field; unchanged fields are only counted.</summary>
public sealed record RevisionComparison(IReadOnlyList<FieldChange> Changes, int UnchangedCount);

/// <summary>
/// Compares two revisions of a content item on what a reviewer reads: the title, the address, and every field of
/// the typed record stored as JSON, flattened into labelled fields ("Référencement – Description"). Labels are
/// CoreText keys "Field.&lt;Name&gt;", else the property's own name. Rich text (a record with only its "html") is
/// compared on its text, so a changed tag alone does not read as a change of words.
/// </summary>
public static partial class RevisionDiff
{
    public const string TitleKey = "DisplayText";
    public const string PathKey = "Path";

    /// <summary>Compares <paramref name="older"/> (null for a new item: everything is added) with <paramref name="newer"/>.</summary>
    public static RevisionComparison Compare(ContentItemRecord? older, ContentItemRecord newer)
    {
        var before = older is null ? [] : Fields(older).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var after = Fields(newer);
        var keys = after.Select(f => f.Key).Concat(before.Keys.Where(k => after.All(f => f.Key != k))).ToList();
        var afterByKey = after.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var changes = new List<FieldChange>();
        var unchanged = 0;
        foreach (var key in keys)
        {
            var oldField = before.GetValueOrDefault(key);
            var newField = afterByKey.GetValueOrDefault(key);
            var diff = WordDiff.Compare(oldField?.Text, newField?.Text);
            if (diff.HasChanges)
            {
                changes.Add(new FieldChange(key, (newField ?? oldField)!.Label, diff));
            }
            else
            {
                unchanged++;
            }
        }

        return new RevisionComparison(changes, unchanged);
    }

    /// <summary>The readable fields of a revision: title, address, then the record's fields in their order.</summary>
    public static IReadOnlyList<RevisionField> Fields(ContentItemRecord revision)
    {
        var fields = new List<RevisionField>
        {
            new(TitleKey, Label(TitleKey), revision.DisplayText),
        };
        if (revision.Path is not null)
        {
            fields.Add(new RevisionField(PathKey, Label(PathKey), "/" + revision.Path));
        }

        try
        {
            using var document = JsonDocument.Parse(revision.Data);
            Flatten(document.RootElement, key: null, label: null, fields);
        }
        catch (JsonException)
        {
            // A revision written by an older version of a module: compared on its raw data rather than not at all.
            fields.Add(new RevisionField("Data", Label("Data"), revision.Data));
        }

        // The title is stored twice (the item's name and the record's): the reader needs it once.
        return fields.Where((f, i) => !(i > 0 && f.Key == "Title" && f.Text == revision.DisplayText)).ToList();
    }

    /// <summary>The text of sanitized HTML: tags become spaces, entities are decoded, whitespace is collapsed.</summary>
    public static string TextOfHtml(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    private static void Flatten(JsonElement element, string? key, string? label, List<RevisionField> fields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when IsRichText(element, out var html):
                fields.Add(new RevisionField(key!, label!, TextOfHtml(html)));
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Pascal(property.Name);
                    Flatten(property.Value, Join(key, name, "."), Join(label, Label(name), " – "), fields);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    index++;
                    var number = index.ToString(CultureInfo.InvariantCulture);
                    Flatten(item, Join(key, number, "."), Join(label, number, " "), fields);
                }

                if (index == 0 && key is not null)
                {
                    fields.Add(new RevisionField(key, label!, string.Empty));
                }

                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                if (key is not null)
                {
                    fields.Add(new RevisionField(key, label!, string.Empty));
                }

                break;
            case JsonValueKind.True or JsonValueKind.False:
                fields.Add(new RevisionField(key ?? "Value", label ?? Label("Value"), CoreText.Get(element.GetBoolean() ? "FieldYes" : "FieldNo")));
                break;
            case JsonValueKind.String:
                fields.Add(new RevisionField(key ?? "Value", label ?? Label("Value"), element.GetString() ?? string.Empty));
                break;
            default:
                fields.Add(new RevisionField(key ?? "Value", label ?? Label("Value"), element.GetRawText()));
                break;
        }
    }

    /// <summary>A <see cref="RichText"/> as serialized: its "html", and nothing else but its computed "isEmpty".</summary>
    private static bool IsRichText(JsonElement element, out string html)
    {
        html = string.Empty;
        var found = false;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, "html", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                html = property.Value.GetString() ?? string.Empty;
                found = true;
            }
            else if (!string.Equals(property.Name, nameof(RichText.IsEmpty), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return found;
    }

    /// <summary>"Field.&lt;Name&gt;" of CoreText, or the name itself when no label is known.</summary>
    public static string Label(string name)
    {
        var key = "Field." + name;
        var text = CoreText.Get(key);
        return text == key ? name : text;
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string Join(string? head, string tail, string separator) => head is null ? tail : head + separator + tail;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
