namespace Municipal.Forms.Admin;

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
