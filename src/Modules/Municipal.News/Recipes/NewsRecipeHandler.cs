using System.Globalization;
using Municipal.Core.Recipes;

namespace Municipal.News.Recipes;

/// <summary>{"type": "NewsArticle", "title", "slug" (else made from the title), "date": "2026-11-20", "summary", "body": "Markdown", "topics", "image", "metaDescription"}</summary>
public sealed record NewsRecipeModel(
    string Title,
    string Date,
    string? Slug = null,
    string? Summary = null,
    string? Body = null,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? Audiences = null,
    ImagePart? Image = null,
    string? MetaDescription = null);

public sealed class NewsRecipeHandler : ContentRecipeHandler<NewsRecipeModel>
{
    public override string ContentType => NewsTypes.NewsArticle;

    protected override ContentDraft ToDraft(string? contentItemId, NewsRecipeModel model)
    {
        var title = RecipeContent.Title(model.Title);
        if (!DateTimeOffset.TryParse(model.Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            throw new RecipeStepFormatException(NewsText.Format("RecipeErrorNewsDate", model.Date));
        }

        var slug = model.Slug is null ? Slugs.FromTitle(title) : RecipeContent.Slug(model.Slug);
        var path = NewsTypes.BasePath + "/" + slug;
        var content = new NewsArticleContent(title, date, model.Summary?.Trim(), RichText.FromMarkdown(model.Body), model.Image, RecipeContent.Seo(model.MetaDescription), RecipeContent.Taxonomy(model.Topics, model.Audiences));
        return new ContentDraft(ContentType, contentItemId ?? "news:" + slug, title, path, ContentStore.Serialize(content), date);
    }
}
