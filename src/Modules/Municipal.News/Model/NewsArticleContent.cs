namespace Municipal.News.Model;

public static class NewsTypes
{
    public const string NewsArticle = "NewsArticle";

    /// <summary>News articles live under this path: /actualites/&lt;slug&gt;.</summary>
    public const string BasePath = "actualites";
}

/// <summary>A news article: its date is the one readers see and lists sort by.</summary>
public sealed record NewsArticleContent(
    string Title,
    DateTimeOffset Date,
    string? Summary,
    RichText Body,
    ImagePart? Image = null,
    SeoPart? Seo = null,
    TaxonomyPart? Taxonomy = null);
