using Municipal.Core.Content;

namespace Municipal.Core.Recipes;

/// <summary>Checks and conversions shared by the content types' recipe handlers.</summary>
public static class RecipeContent
{
    public static string Title(string title) =>
        string.IsNullOrWhiteSpace(title) ? throw new RecipeStepFormatException("\"title\" ne peut pas être vide.") : title.Trim();

    public static string Path(string path)
    {
        var trimmed = path.Trim().Trim('/');
        return trimmed.Length > 0 && Slugs.IsPath(trimmed)
            ? trimmed
            : throw new RecipeStepFormatException($"l'adresse « {path} » doit être faite de segments en minuscules sans accents (a-z, 0-9, tirets) séparés par « / ».");
    }

    public static string Slug(string slug) =>
        Slugs.IsSlug(slug) ? slug : throw new RecipeStepFormatException($"« {slug} » n'est pas un slug (a-z, 0-9, tirets).");

    public static SeoPart? Seo(string? metaDescription) =>
        string.IsNullOrWhiteSpace(metaDescription) ? null : new SeoPart(metaDescription.Trim());

    public static TaxonomyPart Taxonomy(IReadOnlyList<string>? topics, IReadOnlyList<string>? audiences) =>
        new(topics ?? [], audiences ?? []);
}
