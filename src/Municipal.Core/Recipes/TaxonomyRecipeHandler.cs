namespace Municipal.Core.Recipes;

/// <summary>{"type": "Taxonomy", "name": "topics", "title": "Thèmes", "terms": [{"id": "environnement", "name": "Environnement"}]}</summary>
public sealed record TaxonomyRecipeModel(string Name, string Title, IReadOnlyList<TaxonomyTerm> Terms);

/// <summary>Taxonomies are content items without an address: versioned, editable, referenced by their terms' ids.</summary>
public sealed class TaxonomyRecipeHandler : ContentRecipeHandler<TaxonomyRecipeModel>
{
    public const string ContentTypeName = "Taxonomy";

    public override string ContentType => ContentTypeName;

    protected override ContentDraft ToDraft(string? contentItemId, TaxonomyRecipeModel model)
    {
        var name = RecipeContent.Slug(model.Name);
        var duplicate = model.Terms.GroupBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RecipeStepFormatException(CoreText.Format("RecipeErrorDuplicateTerm", duplicate.Key));
        }

        foreach (var term in model.Terms)
        {
            RecipeContent.Slug(term.Id);
        }

        var content = new TaxonomyContent(name, RecipeContent.Title(model.Title), model.Terms);
        return new ContentDraft(ContentType, contentItemId ?? "taxonomy:" + name, content.Title, null, ContentStore.Serialize(content));
    }
}
