namespace Municipal.Admin.Content;

/// <summary>
/// How the back office edits one content type, registered by the module that owns the type
/// (<c>services.AddSingleton&lt;IContentTypeEditor, PageEditor&gt;()</c>). The editor turns its typed record
/// into typed form fields and back; the generic screens do the rest (list, address, saving, publishing).
/// </summary>
public interface IContentTypeEditor
{
    string ContentType { get; }

    /// <summary>French name of the type, as the list and the "Créer" choices show it ("Page", "Démarche").</summary>
    string DisplayName { get; }

    /// <summary>The feature the tenant must have on to see and create items of this type.</summary>
    string Feature { get; }

    /// <summary>True when the form shows an address field (the item has a public page of its own choosing).</summary>
    bool HasPath { get; }

    /// <summary>
    /// The address proposed from the title when the address field is left empty, or the fixed address of a type
    /// without address field ("" for the home page); null when items of the type have no address.
    /// </summary>
    string? DefaultPath(string title);

    /// <summary>
    /// True when the address is chosen as a parent of the same type plus a last segment (pages of the site tree);
    /// <see cref="DefaultPath"/> then gives that segment.
    /// </summary>
    bool ChoosesParent => false;

    /// <summary>
    /// The name of the <see cref="DateField"/> that dates the item for its readers (a news article's date), or null.
    /// That date is the publication date: when it is after today (Brussels), "Enregistrer et publier" schedules the
    /// publication at that date instead of publishing at once (<see cref="PublicationDates"/>).
    /// </summary>
    string? PublicationDateField => null;

    /// <summary>The form's fields filled from <paramref name="item"/>, or empty for a new item (null).</summary>
    IReadOnlyList<EditorField> Fields(ContentItemRecord? item);

    /// <summary>
    /// The form's fields when they need the request's services (choices read from the database or another service);
    /// the generic screens call this one. By default, <see cref="Fields"/>.
    /// </summary>
    Task<IReadOnlyList<EditorField>> FieldsAsync(ContentItemRecord? item, IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult(Fields(item));

    /// <summary>
    /// The typed record built from the posted fields, or null after adding French messages to
    /// <paramref name="values"/> with <see cref="EditorValues.Fail"/>. <paramref name="previous"/> is the latest
    /// revision (null for a new item): parts the form does not show are kept from it.
    /// </summary>
    EditedContent? Build(EditorValues values, ContentItemRecord? previous);
}

/// <summary>What an editor made of a posted form: the item's display text, its serialized record and its date.</summary>
public sealed record EditedContent(string DisplayText, string Data, DateTimeOffset? ContentDate = null);

/// <summary>A field of a content form. <see cref="Name"/> is both the posted name and the element's id.</summary>
public abstract record EditorField(string Name, string Label)
{
    public string? Hint { get; init; }

    public bool Required { get; init; }

    /// <summary>A heading shown above the field: it starts a group of fields (a block of the home page).</summary>
    public string? Heading { get; init; }

    /// <summary>The legend of the fieldset the field is drawn in: consecutive fields of the same group share one fieldset.</summary>
    public string? Group { get; init; }
}

/// <summary>A choice of a <see cref="SelectField"/> or a <see cref="ChoicesField"/>: the posted value and its label.</summary>
public sealed record FieldOption(string Value, string Label);

/// <summary>Yes or no, one checkbox.</summary>
public sealed record CheckboxField(string Name, string Label, bool Value) : EditorField(Name, Label);

/// <summary>One of fixed options, a select; a posted value that is none of them is refused.</summary>
public sealed record SelectField(string Name, string Label, IReadOnlyList<FieldOption> Options, string Value) : EditorField(Name, Label);

/// <summary>Any of fixed options, checkboxes; a posted value that is none of them is refused.</summary>
public sealed record ChoicesField(string Name, string Label, IReadOnlyList<FieldOption> Options, IReadOnlyList<string> Value) : EditorField(Name, Label);

/// <summary>Text the form shows and nothing posts (a rule said in words, what the item will do).</summary>
public sealed record NoteField(string Name, string Label, string Text) : EditorField(Name, Label);

/// <summary>One line of text.</summary>
public sealed record TextField(string Name, string Label, string Value) : EditorField(Name, Label)
{
    /// <summary>The input's type ("text", "number", "url").</summary>
    public string InputType { get; init; } = "text";
}

/// <summary>Plain text on several lines (a summary, a meta description).</summary>
public sealed record MultilineField(string Name, string Label, string Value) : EditorField(Name, Label);

/// <summary>Sanitized HTML; a plain textarea the rich-text editor takes over when its script runs.</summary>
public sealed record RichTextField(string Name, string Label, RichText Value) : EditorField(Name, Label);

/// <summary>An image of the media library (or, without it, an address and its alternative text).</summary>
public sealed record ImageField(string Name, string Label, ImagePart? Value) : EditorField(Name, Label);

/// <summary>A calendar date (no time).</summary>
public sealed record DateField(string Name, string Label, DateOnly? Value) : EditorField(Name, Label);

/// <summary>A list written one item per line (documents, "Libellé | adresse" links).</summary>
public sealed record LinesField(string Name, string Label, IReadOnlyList<string> Value) : EditorField(Name, Label);

/// <summary>
/// The parent of an item in the site tree: the path of another item of <see cref="ContentType"/>, or "" for the root.
/// <see cref="ItemId"/> and <see cref="ItemPath"/> name the item edited (null when new): it and its descendants are no choice.
/// </summary>
public sealed record ParentChoiceField(string Name, string Label, string ContentType, string? ItemId, string? ItemPath, string Value) : EditorField(Name, Label);

/// <summary>Terms of one of the tenant's taxonomies ("topics", "audiences"), chosen by checkboxes.</summary>
public sealed record TermsField(string Name, string Label, string Taxonomy, IReadOnlyList<string> Value) : EditorField(Name, Label);

/// <summary>
/// The e-counter form a page carries (a procedure's), by slug; empty for none. Offered as a select of the tenant's
/// forms through <see cref="Municipal.Core.Modules.IEmbeddedForms"/>; left out when the e-counter is not there and none is chosen.
/// </summary>
public sealed record EmbeddedFormField(string Name, string Label, string? Value) : EditorField(Name, Label);
