namespace Municipal.Core.Recipes;

/// <summary>Checks and conversions shared by the content types' recipe handlers.</summary>
public static class RecipeContent
{
    public static string Title(string title) =>
        string.IsNullOrWhiteSpace(title) ? throw new RecipeStepFormatException(CoreText.Get("RecipeErrorEmptyTitle")) : title.Trim();

    public static string Path(string path)
    {
        var trimmed = path.Trim().Trim('/');
        return trimmed.Length > 0 && Slugs.IsPath(trimmed)
            ? trimmed
            : throw new RecipeStepFormatException(CoreText.Format("RecipeErrorInvalidPath", path));
    }

    public static string Slug(string slug) =>
        Slugs.IsSlug(slug) ? slug : throw new RecipeStepFormatException(CoreText.Format("RecipeErrorInvalidSlug", slug));

    public static SeoPart? Seo(string? metaDescription) =>
        string.IsNullOrWhiteSpace(metaDescription) ? null : new SeoPart(metaDescription.Trim());

    public static TaxonomyPart Taxonomy(IReadOnlyList<string>? topics, IReadOnlyList<string>? audiences) =>
        new(topics ?? [], audiences ?? []);
}
