namespace Municipal.Forms.Builder;

/// <summary>The addresses of the form builder.</summary>
public static class FormBuilderPaths
{
    public const string List = "/admin/e-guichet/formulaires";

    public static string New => List + "/nouveau";

    public static string Form(string slug) => List + "/" + slug;

    public static string Settings(string slug) => Form(slug) + "/reglages";

    public static string Step(string slug, int step) => Form(slug) + "/etapes/" + (step + 1);

    public static string StepRemove(string slug, int step) => Step(slug, step) + "/supprimer";

    public static string Field(string slug, int step, int field) => Step(slug, step) + "/champs/" + (field + 1);

    /// <summary>The public page of the form (built by the public flow).</summary>
    public static string Public(string slug) => "/e-guichet/" + slug;
}

/// <summary>What the builder's pages share.</summary>
public static class FormBuilderViews
{
    /// <summary>The message of the error that leads to the input with this id (the last one, when there are several).</summary>
    public static string? ErrorOf(IReadOnlyList<ErrorLinkView> errors, string id) => errors.LastOrDefault(e => e.Href == "#" + id)?.Text;
}

/// <summary>A form in the list.</summary>
public sealed record FormRowView(string Title, string Url, string Slug, string Version, string State, bool Enabled, int Requests, bool Unpublished);

/// <summary>A step on the form's page.</summary>
public sealed record StepRowView(int Index, string Number, string Title, string Url, int FieldCount, string FieldsText, bool CanMoveUp, bool CanMoveDown, string RemoveUrl);

/// <summary>A published version in the history.</summary>
public sealed record VersionRowView(int Version, string Date);

/// <summary>A field on its step's page.</summary>
public sealed record FieldRowView(int Index, string Label, string Name, string Type, bool Required, string? Condition, string Url, bool CanMoveUp, bool CanMoveDown);

/// <summary>A checkbox among several (accepted upload types).</summary>
public sealed record CheckOptionView(string Value, string Id, string Label, bool Checked);

/// <summary>A line of the form's settings summary.</summary>
public sealed record SummaryRowView(string Key, string Value);

/// <summary>The list of forms (AdminFormBuilderList.liquid).</summary>
public sealed record FormListView(IReadOnlyList<ErrorLinkView> Errors, IReadOnlyList<FormRowView> Forms, string NewUrl) : IAdminPageView;

/// <summary>A form's page in the builder (AdminFormBuilderForm.liquid): its settings, steps, versions and publication.</summary>
public sealed record FormPageView : IAdminPageView
{
    public required IReadOnlyList<ErrorLinkView> Errors { get; init; }
    public required string Heading { get; init; }
    public required string ListUrl { get; init; }
    public required string FormAction { get; init; }
    public required string SettingsUrl { get; init; }
    public required string PublicUrl { get; init; }
    public required IReadOnlyList<SummaryRowView> Settings { get; init; }
    public required IReadOnlyList<StepRowView> Steps { get; init; }
    public required IReadOnlyList<VersionRowView> Versions { get; init; }
    public bool Published { get; init; }
    public bool Enabled { get; init; }
    public required string State { get; init; }
    public int? LatestVersion { get; init; }
    public bool Unpublished { get; init; }
    public int Requests { get; init; }
    public string? StepTitle { get; init; }
    public string? StepTitleError { get; init; }
    public string? Notice { get; init; }
}
