using Municipal.Admin.Content;

namespace Municipal.News.Editing;

/// <summary>A news article: title, address under /actualites, date (today for a new one), summary, body, image, SEO, taxonomy.</summary>
public sealed class NewsArticleEditor(TimeProvider clock) : IContentTypeEditor
{
    public const string Date = "date";

    public string ContentType => NewsTypes.NewsArticle;

    public string DisplayName => NewsText.Get("ContentTypeNewsArticle");

    public string Feature => NewsModule.Feature;

    public bool HasPath => true;

    /// <summary>An article dated tomorrow is not published today: publishing it schedules it for that date.</summary>
    public string? PublicationDateField => Date;

    public string? DefaultPath(string title) => NewsTypes.BasePath + "/" + Slugs.FromTitle(title);

    public IReadOnlyList<EditorField> Fields(ContentItemRecord? item)
    {
        var content = item is null ? null : ContentStore.Read<NewsArticleContent>(item);
        var today = BrusselsTime.Date(clock.GetUtcNow());
        return
        [
            CommonFields.TitleField(content?.Title),
            new DateField(Date, NewsText.Get("ContentFieldNewsDate"), content is null ? today : DateOnly.FromDateTime(content.Date.UtcDateTime)) { Required = true, Hint = NewsText.Get("ContentFieldNewsDateHint") },
            CommonFields.SummaryField(content?.Summary),
            CommonFields.BodyField(content?.Body),
            CommonFields.ImageField(content?.Image),
            CommonFields.MetaDescriptionField(content?.Seo),
            .. CommonFields.TaxonomyFields(content?.Taxonomy),
        ];
    }

    public EditedContent? Build(EditorValues values, ContentItemRecord? previous)
    {
        var before = previous is null ? null : ContentStore.Read<NewsArticleContent>(previous);
        var title = CommonFields.ReadTitle(values);

        // Dates of articles are calendar days, stored at midnight UTC as the recipes store them.
        var date = values.Date(Date) is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;
        var content = new NewsArticleContent(
            title,
            date,
            values.OptionalText(CommonFields.Summary),
            values.Rich(CommonFields.Body),
            values.Image(CommonFields.Image),
            CommonFields.Seo(values, before?.Seo),
            CommonFields.Taxonomy(values));
        return values.IsValid ? new EditedContent(title, ContentStore.Serialize(content), date) : null;
    }
}
