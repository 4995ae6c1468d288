using System.Text.RegularExpressions;
using Markdig;
using Municipal.Core.Content;
using Municipal.Core.Recipes;
using Municipal.Pages.Models;

namespace Municipal.Pages.Handlers;

/// <summary>A page in a recipe: {"type": "Page", "title": "...", "path": "vie-communale/conseil", "summary": "...", "body": "Markdown"}</summary>
public sealed record PageRecipeModel(string Title, string Path, string? Summary = null, string? Body = null);

/// <summary>{"type": "HomePage", "title": "...", "intro": "Markdown", "quickLinks": [{"label": "...", "url": "/..."}]}</summary>
public sealed record HomePageRecipeModel(string Title, string? Intro = null, IReadOnlyList<QuickLink>? QuickLinks = null);

/// <summary>Markdown of recipes becomes HTML with raw HTML disabled: nothing a recipe says can inject markup.</summary>
internal static partial class RecipeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    public static partial Regex PathPattern();

    public static string ToHtml(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? string.Empty : Markdown.ToHtml(markdown, Pipeline);
}

public sealed class PageRecipeHandler : ContentRecipeHandler<PageRecipeModel>
{
    public override string ContentType => PageTypes.Page;

    protected override ContentDraft ToDraft(string? contentItemId, PageRecipeModel model)
    {
        if (string.IsNullOrWhiteSpace(model.Title))
        {
            throw new RecipeStepFormatException("\"title\" ne peut pas être vide.");
        }

        var path = model.Path.Trim('/');
        if (!RecipeMarkdown.PathPattern().IsMatch(path))
        {
            throw new RecipeStepFormatException($"l'adresse « {model.Path} » doit être faite de segments en minuscules sans accents (a-z, 0-9, tirets) séparés par « / ».");
        }

        var parts = new PageParts(model.Title.Trim(), model.Summary?.Trim(), RecipeMarkdown.ToHtml(model.Body));
        return new ContentDraft(PageTypes.Page, contentItemId ?? "page:" + path, parts.Title, path, ContentStore.Serialize(parts));
    }
}

public sealed class HomePageRecipeHandler : ContentRecipeHandler<HomePageRecipeModel>
{
    public override string ContentType => PageTypes.HomePage;

    protected override ContentDraft ToDraft(string? contentItemId, HomePageRecipeModel model)
    {
        var parts = new HomePageParts(model.Title.Trim(), RecipeMarkdown.ToHtml(model.Intro), model.QuickLinks ?? []);
        return new ContentDraft(PageTypes.HomePage, contentItemId ?? "home", parts.Title, string.Empty, ContentStore.Serialize(parts));
    }
}
