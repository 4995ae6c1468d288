namespace Municipal.Forms.PublicFlow;

/// <summary>
/// One field as the public step template draws it. <see cref="Kind"/> picks the markup: text, textarea, email, tel,
/// number, date, radio, select, checkboxes, file, address, consent, info. <see cref="DescribedBy"/> ties the hint, the
/// condition's hint and the error to the input(s).
/// </summary>
public sealed record PublicFieldView(
    string Kind,
    string Id,
    string Name,
    string Label,
    string? Hint,
    string? ConditionHint,
    bool Required,
    string? Error,
    string? Value,
    string? InputType,
    string? Autocomplete,
    string? InputMode,
    string? Spellcheck,
    IReadOnlyList<PublicOptionView> Options,
    IReadOnlyList<PublicPartView> Parts,
    IReadOnlyList<string> Files,
    string? Accept,
    bool Multiple,
    string? ConditionField,
    string? ConditionValue,
    string DescribedBy)
{
    /// <summary>A file field's size limit, checked in the browser before sending (the server checks it again).</summary>
    public long MaxBytes { get; init; }

    /// <summary>The server's "too big" message for a file field, with "{name}" where the file's name goes.</summary>
    public string? TooBigMessage { get; init; }

    /// <summary>What the browser says once a photo is reduced, with "{name}" where the file's name goes.</summary>
    public string? ReducedMessage { get; init; }

    /// <summary>Whether a photo over the limit may be reduced in the browser: the field takes JPEG or PNG images.</summary>
    public bool Reducible { get; init; }

    /// <summary>An address that is a place (where a problem is), not the citizen's home: no home autocomplete, a position.</summary>
    public bool Location { get; init; }
}

public sealed record PublicOptionView(string Id, string Value, string Label, bool Checked);

/// <summary>An input of a group: an address part, or the day, month and year of a date.</summary>
public sealed record PublicPartView(string Id, string Name, string Label, string Value, string? Error, string? Autocomplete, string WidthClass, string? InputMode, string DescribedBy);

/// <summary>A link of the error summary: the message, and the id of the input it leads to.</summary>
public sealed record PublicErrorView(string Text, string Href);

/// <summary>One answer on the "Vérifiez vos réponses" page.</summary>
public sealed record PublicAnswerView(string Label, string Text, string ChangeUrl);

/// <summary>A step's answers on the summary page.</summary>
public sealed record PublicAnswerGroupView(string Title, IReadOnlyList<PublicAnswerView> Answers);

/// <summary>
/// Where each page of the public flow lives. Step numbers in addresses start at 1. "retour=verification" brings a
/// citizen who came from the summary back to it.
/// </summary>
public static class PublicFormPaths
{
    public const string Root = "/e-guichet";

    public const string ReturnToSummary = "verification";

    public static string Form(string slug) => $"{Root}/{slug}";

    public static string Step(string slug, int number) => $"{Root}/{slug}/etape/{number}";

    public static string Summary(string slug) => $"{Root}/{slug}/verification";

    public static string Save(string slug) => $"{Root}/{slug}/enregistrer";

    public static string Resume(string slug) => $"{Root}/{slug}/reprendre";

    public static string Confirmation(string slug) => $"{Root}/{slug}/confirmation";

    public static string Script => Root + "/_assets/eguichet.js";
}
