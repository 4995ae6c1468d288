using System.Text.Json;
using Municipal.Core.Recipes;

namespace Municipal.Admin.Site;

/// <summary>A term as the editor's form carries it: its id (empty for a term being added) and its name.</summary>
public sealed record TermRow(string Id, string Name);

/// <summary>A term row as the template shows it.</summary>
public sealed record TermRowView(int Index, string Prefix, string Id, string Name, string? Error, bool CanMoveUp, bool CanMoveDown);

/// <summary>A taxonomy as stored: its content item and its parts.</summary>
public sealed record StoredTaxonomy(string ContentItemId, TaxonomyContent Content);

/// <summary>Reading taxonomies, their terms from the form, and which contents are filed under a term.</summary>
public static class TaxonomyTerms
{
    public const int MaxRows = 500;
    public const int MaxNameLength = 100;

    /// <summary>The latest revision of every taxonomy that is not in the trash, by title.</summary>
    public static async Task<IReadOnlyList<StoredTaxonomy>> ListAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentType == TaxonomyRecipeHandler.ContentTypeName && i.Latest && i.TrashedUtc == null)
            .ToListAsync(cancellationToken);
        return items.Select(i => new StoredTaxonomy(i.ContentItemId, ContentStore.Read<TaxonomyContent>(i)))
            .OrderBy(t => t.Content.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    public static async Task<StoredTaxonomy?> FindAsync(TenantDbContext db, string name, CancellationToken cancellationToken) =>
        (await ListAsync(db, cancellationToken)).FirstOrDefault(t => t.Content.Name == name);

    public static List<TermRow> Read(IFormCollection form) =>
        RowList.Read(form, "term", MaxRows, prefix => new TermRow(form[prefix + "id"].ToString().Trim(), form[prefix + "name"].ToString().Trim()));

    /// <summary>The message of a name that cannot be saved, or null.</summary>
    public static string? Check(string name, string which, IEnumerable<string> namesAbove)
    {
        if (name.Length == 0)
        {
            return CoreText.Format("SiteTermNameRequired", which);
        }

        if (name.Length > MaxNameLength)
        {
            return CoreText.Format("SiteTermNameTooLong", which, MaxNameLength);
        }

        return namesAbove.Contains(name, StringComparer.CurrentCultureIgnoreCase) ? CoreText.Format("SiteTermNameDuplicate", name) : null;
    }

    /// <summary>A new id from the name, unlike any other of the taxonomy ("environnement", "environnement-2").</summary>
    public static string NewId(string name, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var stem = Slugs.FromTitle(name);
        if (stem.Length == 0)
        {
            stem = "terme";
        }

        var id = stem;
        for (var n = 2; used.Contains(id); n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }

    /// <summary>
    /// How many contents (their published or latest version, out of the trash) are filed under the term: the
    /// taxonomy part of a content names it in the array of the taxonomy's name ("topics": ["environnement"]).
    /// </summary>
    public static async Task<int> UsageAsync(TenantDbContext db, string taxonomyName, string termId, CancellationToken cancellationToken)
    {
        var quoted = JsonSerializer.Serialize(termId);
        var candidates = await db.ContentItems.AsNoTracking()
            .Where(i => (i.Latest || i.Status == ContentStatus.Published) && i.TrashedUtc == null
                && i.ContentType != TaxonomyRecipeHandler.ContentTypeName && i.Data.Contains(quoted))
            .Select(i => new { i.ContentItemId, i.Data })
            .ToListAsync(cancellationToken);
        return candidates.Where(c => FiledUnder(c.Data, taxonomyName, termId)).Select(c => c.ContentItemId).Distinct().Count();
    }

    private static bool FiledUnder(string data, string taxonomyName, string termId)
    {
        using var document = JsonDocument.Parse(data);
        return Search(document.RootElement);

        bool Search(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.NameEquals(taxonomyName) && property.Value.ValueKind == JsonValueKind.Array
                            && property.Value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.ValueEquals(termId)))
                        {
                            return true;
                        }

                        if (Search(property.Value))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Any(Search);
                default:
                    return false;
            }
        }
    }
}
