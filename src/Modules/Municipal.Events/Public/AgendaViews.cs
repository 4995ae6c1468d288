namespace Municipal.Events.Public;

/// <summary>
/// An agenda page (AgendaPublic.liquid). <see cref="Count"/> is null when the filters could not be read (the page then
/// shows the error summary and no list).
/// </summary>
public sealed record AgendaView(
    string Heading,
    string? IntroHtml,
    string FormAction,
    AgendaFormView Form,
    IReadOnlyList<AgendaErrorView> Errors,
    string? Count,
    IReadOnlyList<AgendaDayView> Days,
    string? PageLabel,
    string? PreviousUrl,
    string? NextUrl,
    IReadOnlyList<LinkView> WidenLinks);

/// <summary>An error of the filters and the field it links to.</summary>
public sealed record AgendaErrorView(string Text, string Href);

/// <summary>The filter form: each list's choices (the chosen one marked), the dates typed, the fields in error (their ids).</summary>
public sealed record AgendaFormView(
    IReadOnlyList<ChoiceView> Periods,
    string? From,
    string? To,
    IReadOnlyList<ChoiceView> Categories,
    IReadOnlyList<ChoiceView> Audiences,
    IReadOnlyList<ChoiceView> Topics,
    IReadOnlyList<ChoiceView> Localities,
    bool Free,
    bool Accessible,
    IReadOnlyList<string> ErrorIds);

/// <summary>One choice of a list or a radio group.</summary>
public sealed record ChoiceView(string Value, string Label, bool Selected);

/// <summary>A day of the agenda: its heading ("samedi 12 décembre 2026") and its occurrences.</summary>
public sealed record AgendaDayView(string Heading, string IsoDate, IReadOnlyList<AgendaItemView> Items);

/// <summary>One occurrence in the list; <see cref="Status"/> is said only when not scheduled; <see cref="Source"/> for shared events.</summary>
public sealed record AgendaItemView(string Title, string Url, string Hours, string IsoStart, string Category, string? Locality, string? Status, string? Source);
