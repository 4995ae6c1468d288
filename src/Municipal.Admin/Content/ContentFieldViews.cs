using Municipal.Core.Recipes;

namespace Municipal.Admin.Content;

/// <summary>A choice of a select or a checkbox list.</summary>
public sealed record ContentOptionView(string Value, string Label, bool Selected);

/// <summary>
/// A field as the "_ContentField" template draws it. <see cref="Kind"/>: text, textarea, rich, lines, date,
/// select (a parent page), image-select (media library), image-url (address and alternative text), terms (checkboxes).
/// </summary>
public sealed record ContentFieldView(
    string Kind,
    string Id,
    string Label,
    string? Hint,
    string? Error,
    bool Required,
    string Value,
    string InputType,
    string? Heading,
    IReadOnlyList<ContentOptionView> Options,
    string? Alt,
    string? AltError)
{
    /// <summary>The legend of a fieldset this field opens (the first of its group), or null.</summary>
    public string? Legend { get; init; }

    /// <summary>True for the last field of a group: the fieldset closes after it.</summary>
    public bool ClosesGroup { get; init; }
}

/// <summary>Turns typed fields into what the template draws: values as text, image and term choices loaded.</summary>
public sealed class ContentFieldViewBuilder(ContentStore store, ContentParentChoices parents, IServiceProvider services)
{
    public async Task<IReadOnlyList<ContentFieldView>> BuildAsync(IReadOnlyList<EditorField> fields, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var catalog = IMediaCatalog.For(services);
        IReadOnlyList<MediaChoice>? images = null;
        var views = new List<ContentFieldView>(fields.Count);
        foreach (var field in fields)
        {
            var error = errors.GetValueOrDefault(field.Name);
            var hint = field.Hint;
            var view = new ContentFieldView("text", field.Name, field.Label, hint, error, field.Required, string.Empty, "text", field.Heading, [], null, null);
            switch (field)
            {
                case TextField text:
                    view = view with { Value = text.Value, InputType = text.InputType };
                    break;
                case MultilineField multiline:
                    view = view with { Kind = "textarea", Value = multiline.Value };
                    break;
                case RichTextField rich:
                    view = view with { Kind = "rich", Value = rich.Value.Html };
                    break;
                case ParentChoiceField parent:
                    view = view with { Kind = "select", Value = parent.Value, Options = await parents.OptionsAsync(parent, cancellationToken) };
                    break;
                case EmbeddedFormField embedded:
                    var forms = await EmbeddedFormOptionsAsync(embedded, cancellationToken);
                    if (forms.Count <= 1)
                    {
                        continue;
                    }

                    view = view with { Kind = "select", Value = embedded.Value ?? string.Empty, Options = forms };
                    break;
                case LinesField lines:
                    view = view with { Kind = "lines", Value = string.Join("\n", lines.Value) };
                    break;
                case DateField date:
                    view = view with { Kind = "date", Value = date.Value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, InputType = "date" };
                    break;
                case CheckboxField checkbox:
                    view = view with { Kind = "checkbox", Value = checkbox.Value ? "true" : string.Empty };
                    break;
                case SelectField select:
                    view = view with { Kind = "select", Value = select.Value, Options = select.Options.Select(o => new ContentOptionView(o.Value, o.Label, o.Value == select.Value)).ToList() };
                    break;
                case ChoicesField choices:
                    view = view with { Kind = "terms", Options = choices.Options.Select(o => new ContentOptionView(o.Value, o.Label, choices.Value.Contains(o.Value))).ToList() };
                    break;
                case NoteField note:
                    view = view with { Kind = "note", Value = note.Text };
                    break;
                case TermsField terms:
                    var options = await TermsAsync(terms, cancellationToken);
                    if (options.Count == 0)
                    {
                        continue;
                    }

                    view = view with { Kind = "terms", Options = options };
                    break;
                case ImageField image when catalog is not null:
                    images ??= await catalog.ListImagesAsync(null, cancellationToken);
                    view = view with { Kind = "image-select", Value = image.Value?.Src ?? string.Empty, Options = ImageOptions(image.Value, images) };
                    break;
                case ImageField image:
                    view = view with
                    {
                        Kind = "image-url",
                        Value = image.Value?.Src ?? string.Empty,
                        Alt = image.Value?.Alt ?? string.Empty,
                        AltError = errors.GetValueOrDefault(field.Name + ContentFormReader.AltSuffix),
                        Hint = hint ?? CoreText.Get("ContentImageUrlHint"),
                    };
                    break;
            }

            views.Add(view with { Legend = field.Group });
        }

        return Grouped(views);
    }

    /// <summary>Consecutive fields of one group share a fieldset: the first opens it, the last closes it.</summary>
    private static List<ContentFieldView> Grouped(List<ContentFieldView> views)
    {
        var grouped = new List<ContentFieldView>(views.Count);
        for (var i = 0; i < views.Count; i++)
        {
            var group = views[i].Legend;
            var opens = group is not null && (i == 0 || views[i - 1].Legend != group);
            var closes = group is not null && (i == views.Count - 1 || views[i + 1].Legend != group);
            grouped.Add(views[i] with { Legend = opens ? group : null, ClosesGroup = closes });
        }

        return grouped;
    }

    /// <summary>"No form", the tenant's forms, and the chosen one kept even when it is gone or disabled since.</summary>
    private async Task<List<ContentOptionView>> EmbeddedFormOptionsAsync(EmbeddedFormField field, CancellationToken cancellationToken)
    {
        var forms = services.GetService(typeof(Municipal.Core.Modules.IEmbeddedForms)) is Municipal.Core.Modules.IEmbeddedForms embedded
            ? await embedded.ListAsync(cancellationToken)
            : [];
        var options = new List<ContentOptionView> { new(string.Empty, CoreText.Get("ContentFieldFormNone"), field.Value is null) };
        options.AddRange(forms.Select(f => new ContentOptionView(f.Slug, f.Title, f.Slug == field.Value)));
        if (field.Value is { } chosen && forms.All(f => f.Slug != chosen))
        {
            options.Add(new ContentOptionView(chosen, CoreText.Format("ContentFieldFormUnavailable", chosen), true));
        }

        return options;
    }

    private static List<ContentOptionView> ImageOptions(ImagePart? current, IReadOnlyList<MediaChoice> images)
    {
        var options = new List<ContentOptionView> { new(string.Empty, CoreText.Get("ContentImageNone"), current is null) };
        if (current is not null && images.All(i => i.Url != current.Src))
        {
            options.Add(new ContentOptionView(current.Src, CoreText.Format("ContentImageCurrent", current.Alt.Length > 0 ? current.Alt : current.Src), true));
        }

        options.AddRange(images.Select(i => new ContentOptionView(i.Url, $"{i.Name} – {i.Alt}", current?.Src == i.Url)));
        return options;
    }

    /// <summary>The terms of the tenant's taxonomy (a content item "taxonomy:&lt;name&gt;"), chosen ones first kept even if removed since.</summary>
    private async Task<List<ContentOptionView>> TermsAsync(TermsField field, CancellationToken cancellationToken)
    {
        var item = await store.GetLatestAsync("taxonomy:" + field.Taxonomy, cancellationToken);
        var terms = item is { ContentType: TaxonomyRecipeHandler.ContentTypeName, TrashedUtc: null } ? ContentStore.Read<TaxonomyContent>(item).Terms : [];
        var options = terms.Select(t => new ContentOptionView(t.Id, t.Name, field.Value.Contains(t.Id))).ToList();
        options.AddRange(field.Value.Where(v => terms.All(t => t.Id != v)).Select(v => new ContentOptionView(v, v, true)));
        return options;
    }
}
