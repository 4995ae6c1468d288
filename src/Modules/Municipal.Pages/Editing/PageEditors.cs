using Municipal.Admin.Content;
using Municipal.Core.Resources;

namespace Municipal.Pages.Editing;

/// <summary>A page of the site tree: title, address, summary, body, image, SEO description, topics and audiences.</summary>
public sealed class PageEditor : IContentTypeEditor
{
    public string ContentType => PageTypes.Page;

    public string DisplayName => PagesText.Get("ContentTypePage");

    public string Feature => PagesModule.Feature;

    public bool HasPath => true;

    public string? DefaultPath(string title) => Slugs.FromTitle(title);

    public bool ChoosesParent => true;

    public IReadOnlyList<EditorField> Fields(ContentItemRecord? item)
    {
        var content = item is null ? null : ContentStore.Read<PageContent>(item);
        return
        [
            CommonFields.TitleField(content?.Title),
            CommonFields.SummaryField(content?.Summary),
            CommonFields.BodyField(content?.Body),
            CommonFields.ImageField(content?.Image),
            CommonFields.MetaDescriptionField(content?.Seo),
            .. CommonFields.TaxonomyFields(content?.Taxonomy),
        ];
    }

    public EditedContent? Build(EditorValues values, ContentItemRecord? previous)
    {
        var before = previous is null ? null : ContentStore.Read<PageContent>(previous);
        var title = CommonFields.ReadTitle(values);
        var content = new PageContent(
            title,
            values.OptionalText(CommonFields.Summary),
            values.Rich(CommonFields.Body),
            values.Image(CommonFields.Image),
            CommonFields.Seo(values, before?.Seo),
            CommonFields.Taxonomy(values));
        return values.IsValid ? new EditedContent(title, ContentStore.Serialize(content)) : null;
    }
}

/// <summary>A procedure ("démarche"): what, who, cost, documents (one per line), how; its e-counter form is kept.</summary>
public sealed class ProcedureEditor : IContentTypeEditor
{
    public const string What = "what";
    public const string Who = "who";
    public const string Cost = "cost";
    public const string Documents = "documents";
    public const string How = "how";
    public const string Form = "form";

    public string ContentType => PageTypes.Procedure;

    public string DisplayName => PagesText.Get("ContentTypeProcedure");

    public string Feature => PagesModule.Feature;

    public bool HasPath => true;

    public string? DefaultPath(string title) => "demarches/" + Slugs.FromTitle(title);

    public IReadOnlyList<EditorField> Fields(ContentItemRecord? item)
    {
        var content = item is null ? null : ContentStore.Read<ProcedureContent>(item);
        return
        [
            CommonFields.TitleField(content?.Title),
            CommonFields.SummaryField(content?.Summary),
            new RichTextField(What, PagesText.Get("ContentFieldProcedureWhat"), content?.What ?? RichText.Empty),
            new RichTextField(Who, PagesText.Get("ContentFieldProcedureWho"), content?.Who ?? RichText.Empty),
            new RichTextField(Cost, PagesText.Get("ContentFieldProcedureCost"), content?.Cost ?? RichText.Empty),
            new LinesField(Documents, PagesText.Get("ContentFieldProcedureDocuments"), content?.Documents ?? []) { Hint = PagesText.Get("ContentFieldProcedureDocumentsHint") },
            new RichTextField(How, PagesText.Get("ContentFieldProcedureHow"), content?.How ?? RichText.Empty),
            new EmbeddedFormField(Form, PagesText.Get("FormsPublicEditorField"), content?.FormId) { Hint = PagesText.Get("FormsPublicEditorFieldHint") },
            CommonFields.MetaDescriptionField(content?.Seo),
            .. CommonFields.TaxonomyFields(content?.Taxonomy),
        ];
    }

    public EditedContent? Build(EditorValues values, ContentItemRecord? previous)
    {
        var before = previous is null ? null : ContentStore.Read<ProcedureContent>(previous);
        var title = CommonFields.ReadTitle(values);
        var content = new ProcedureContent(
            title,
            values.OptionalText(CommonFields.Summary),
            values.Rich(What),
            values.Rich(Who),
            values.Rich(Cost),
            values.Lines(Documents),
            values.Rich(How),
            CommonFields.Seo(values, before?.Seo),
            CommonFields.Taxonomy(values),
            values.OptionalText(Form));
        return values.IsValid ? new EditedContent(title, ContentStore.Serialize(content)) : null;
    }
}
