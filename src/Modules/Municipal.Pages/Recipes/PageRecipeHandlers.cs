using System.Text.Json.Serialization;
using Municipal.Core.Recipes;

namespace Municipal.Pages.Recipes;

/// <summary>{"type": "Page", "title", "path": "a/b", "summary", "body": "Markdown", "topics": [], "audiences": [], "metaDescription", "image": {"src", "alt"}}</summary>
public sealed record PageRecipeModel(
    string Title,
    string Path,
    string? Summary = null,
    string? Body = null,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? Audiences = null,
    string? MetaDescription = null,
    ImagePart? Image = null);

/// <summary>
/// {"type": "Procedure", "title", "path", "summary", "what", "who", "cost", "documents": [], "how", "topics", "audiences",
/// "metaDescription", "form": "slug of the e-counter form shown on the page"}
/// </summary>
public sealed record ProcedureRecipeModel(
    string Title,
    string Path,
    string? Summary = null,
    string? What = null,
    string? Who = null,
    string? Cost = null,
    IReadOnlyList<string>? Documents = null,
    string? How = null,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? Audiences = null,
    string? MetaDescription = null,
    string? Form = null);

/// <summary>{"type": "HomePage", "title", "blocks": [{"kind": "hero" | "quickLinks" | "latestNews" | "audiences" | "text", ...}]}</summary>
public sealed record HomePageRecipeModel(string Title, IReadOnlyList<HomeBlockRecipe> Blocks, string? MetaDescription = null);

[JsonConverter(typeof(HomeBlockRecipeJson))]
public abstract record HomeBlockRecipe
{
    public abstract HomeBlock ToBlock();
}

public sealed record HeroRecipe(string Title, string? Text = null, ImagePart? Image = null) : HomeBlockRecipe
{
    public override HomeBlock ToBlock() => new HeroBlock(Title, RichText.FromMarkdown(Text), Image);
}

public sealed record QuickLinksRecipe(string Title, IReadOnlyList<LinkItem> Links) : HomeBlockRecipe
{
    public override HomeBlock ToBlock() => new QuickLinksBlock(Title, Links);
}

/// <summary>A list another module offers, by its kind ("latestNews"); refused when no loaded module offers it.</summary>
public sealed record ListRecipe(string Kind, string Title, int Count = 3) : HomeBlockRecipe, IOpenKind
{
    public override HomeBlock ToBlock() => new ListBlock(Kind, Title, Math.Clamp(Count, 1, HomeLists.MaxCount));
}

/// <summary>The recipe's home blocks.</summary>
public sealed class HomeBlockRecipeJson : KindJson<HomeBlockRecipe, ListRecipe>
{
    private static readonly Dictionary<string, Type> Kinds = new(StringComparer.Ordinal)
    {
        ["hero"] = typeof(HeroRecipe),
        ["quickLinks"] = typeof(QuickLinksRecipe),
        ["audiences"] = typeof(AudiencesRecipe),
        ["text"] = typeof(TextRecipe),
    };

    protected override IReadOnlyDictionary<string, Type> Known => Kinds;
}

public sealed record AudiencesRecipe(string Title, IReadOnlyList<LinkItem> Links) : HomeBlockRecipe
{
    public override HomeBlock ToBlock() => new AudiencesBlock(Title, Links);
}

public sealed record TextRecipe(string? Title, string Body) : HomeBlockRecipe
{
    public override HomeBlock ToBlock() => new TextBlock(Title, RichText.FromMarkdown(Body));
}

public sealed class PageRecipeHandler : ContentRecipeHandler<PageRecipeModel>
{
    public override string ContentType => PageTypes.Page;

    protected override ContentDraft ToDraft(string? contentItemId, PageRecipeModel model)
    {
        var path = RecipeContent.Path(model.Path);
        var content = new PageContent(
            RecipeContent.Title(model.Title),
            model.Summary?.Trim(),
            RichText.FromMarkdown(model.Body),
            model.Image,
            RecipeContent.Seo(model.MetaDescription),
            RecipeContent.Taxonomy(model.Topics, model.Audiences));
        return new ContentDraft(ContentType, contentItemId ?? "page:" + path, content.Title, path, ContentStore.Serialize(content));
    }
}

public sealed class ProcedureRecipeHandler : ContentRecipeHandler<ProcedureRecipeModel>
{
    public override string ContentType => PageTypes.Procedure;

    protected override ContentDraft ToDraft(string? contentItemId, ProcedureRecipeModel model)
    {
        var path = RecipeContent.Path(model.Path);
        var content = new ProcedureContent(
            RecipeContent.Title(model.Title),
            model.Summary?.Trim(),
            RichText.FromMarkdown(model.What),
            RichText.FromMarkdown(model.Who),
            RichText.FromMarkdown(model.Cost),
            model.Documents ?? [],
            RichText.FromMarkdown(model.How),
            RecipeContent.Seo(model.MetaDescription),
            RecipeContent.Taxonomy(model.Topics, model.Audiences),
            string.IsNullOrWhiteSpace(model.Form) ? null : model.Form.Trim());
        return new ContentDraft(ContentType, contentItemId ?? "procedure:" + path, content.Title, path, ContentStore.Serialize(content));
    }
}

public sealed class HomePageRecipeHandler(IEnumerable<IHomeListSource> lists) : ContentRecipeHandler<HomePageRecipeModel>
{
    public override string ContentType => PageTypes.HomePage;

    protected override ContentDraft ToDraft(string? contentItemId, HomePageRecipeModel model)
    {
        foreach (var list in model.Blocks.OfType<ListRecipe>())
        {
            if (!lists.Any(l => l.Kind == list.Kind))
            {
                throw new RecipeStepFormatException(PagesText.Format("RecipeHomeUnknownBlock", list.Kind));
            }
        }

        var content = new HomePageContent(RecipeContent.Title(model.Title), model.Blocks.Select(b => b.ToBlock()).ToList(), RecipeContent.Seo(model.MetaDescription));
        return new ContentDraft(ContentType, contentItemId ?? "home", content.Title, string.Empty, ContentStore.Serialize(content));
    }
}
