namespace Municipal.Admin.Content;

/// <summary>
/// The posted fields of a content form, typed, with the errors found so far (by field name). Editors read
/// them by name and kind, and add their own French messages with <see cref="Fail"/>.
/// </summary>
public sealed class EditorValues(IReadOnlyList<EditorField> fields)
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public IReadOnlyList<EditorField> Fields { get; } = fields;

    /// <summary>Messages by field name, in the order they were found.</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    /// <summary>Records a message for a field; the first message of a field is the one shown.</summary>
    public void Fail(string name, string message) => _errors.TryAdd(name, message);

    public string Text(string name) => Field<EditorField>(name) switch
    {
        TextField text => text.Value,
        MultilineField multiline => multiline.Value,
        ParentChoiceField parent => parent.Value,
        EmbeddedFormField form => form.Value ?? string.Empty,
        SelectField select => select.Value,
        _ => string.Empty,
    };

    /// <summary>The text, or null when it was left empty.</summary>
    public string? OptionalText(string name) => Text(name) is { Length: > 0 } text ? text : null;

    public RichText Rich(string name) => Field<RichTextField>(name)?.Value ?? RichText.Empty;

    public ImagePart? Image(string name) => Field<ImageField>(name)?.Value;

    public DateOnly? Date(string name) => Field<DateField>(name)?.Value;

    public IReadOnlyList<string> Lines(string name) => Field<LinesField>(name)?.Value ?? [];

    public IReadOnlyList<string> Terms(string name) => Field<TermsField>(name)?.Value ?? [];

    public bool Checked(string name) => Field<CheckboxField>(name)?.Value ?? false;

    public IReadOnlyList<string> Choices(string name) => Field<ChoicesField>(name)?.Value ?? [];

    private T? Field<T>(string name)
        where T : EditorField =>
        Fields.FirstOrDefault(f => f.Name == name) as T;
}

/// <summary>Fields several content types share: title, summary, SEO description, topics and audiences.</summary>
public static class CommonFields
{
    public const string Title = "title";
    public const string Summary = "summary";
    public const string MetaDescription = "meta-description";
    public const string Topics = "topics";
    public const string Audiences = "audiences";
    public const string Body = "body";
    public const string Image = "image";

    public static TextField TitleField(string? value) =>
        new(Title, CoreText.Get("ContentFieldTitle"), value ?? string.Empty) { Required = true };

    public static MultilineField SummaryField(string? value) =>
        new(Summary, CoreText.Get("ContentFieldSummary"), value ?? string.Empty) { Hint = CoreText.Get("ContentFieldSummaryHint") };

    public static RichTextField BodyField(RichText? body) =>
        new(Body, CoreText.Get("ContentFieldBody"), body ?? RichText.Empty);

    public static ImageField ImageField(ImagePart? image) =>
        new(Image, CoreText.Get("ContentFieldImage"), image);

    public static MultilineField MetaDescriptionField(SeoPart? seo) =>
        new(MetaDescription, CoreText.Get("ContentFieldMetaDescription"), seo?.MetaDescription ?? string.Empty) { Hint = CoreText.Get("ContentFieldMetaDescriptionHint") };

    public static IEnumerable<EditorField> TaxonomyFields(TaxonomyPart? taxonomy) =>
    [
        new TermsField(Topics, CoreText.Get("ContentFieldTopics"), "topics", taxonomy?.Topics ?? []),
        new TermsField(Audiences, CoreText.Get("ContentFieldAudiences"), "audiences", taxonomy?.Audiences ?? []),
    ];

    /// <summary>The SEO part from the form, keeping what the form does not show (social title and image).</summary>
    public static SeoPart? Seo(EditorValues values, SeoPart? previous)
    {
        var description = values.OptionalText(MetaDescription);
        if (description is { Length: > 300 })
        {
            values.Fail(MetaDescription, CoreText.Get("ContentMetaDescriptionTooLong"));
        }

        var seo = (previous ?? new SeoPart()) with { MetaDescription = description };
        return seo == new SeoPart() ? null : seo;
    }

    public static TaxonomyPart? Taxonomy(EditorValues values)
    {
        var part = new TaxonomyPart(values.Terms(Topics), values.Terms(Audiences));
        return part.Topics.Count == 0 && part.Audiences.Count == 0 ? null : part;
    }

    /// <summary>The title, with a message when it is too long (it is the page's h1 and its browser title).</summary>
    public static string ReadTitle(EditorValues values)
    {
        var title = values.Text(Title);
        if (title.Length > 200)
        {
            values.Fail(Title, CoreText.Get("ContentTitleTooLong"));
        }

        return title;
    }
}
