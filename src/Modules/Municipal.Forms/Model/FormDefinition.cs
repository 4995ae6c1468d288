using System.Text.Json.Serialization;

namespace Municipal.Forms.Model;

/// <summary>
/// A form built by an officer, as data. Forms are versioned: a submission keeps the <see cref="Version"/> it answered,
/// so a later edit of the form never changes the meaning of a stored answer.
/// </summary>
public sealed record FormDefinition
{
    [JsonPropertyOrder(-3)]
    public required string Slug { get; init; }

    [JsonPropertyOrder(-2)]
    public required string Title { get; init; }

    public string? Intro { get; init; }

    public string? ConfirmationText { get; init; }

    /// <summary>The tenant role whose members handle the requests of this form (e.g. "Agent").</summary>
    public string? AgentRole { get; init; }

    /// <summary>Days a closed request is kept before its personal data is wiped.</summary>
    public int RetentionDays { get; init; } = 365;

    public bool LoginRequired { get; init; }

    [JsonPropertyOrder(-1)]
    public int Version { get; init; } = 1;

    [JsonPropertyOrder(10)]
    public required IReadOnlyList<FormStep> Steps { get; init; }

    /// <summary>What accepting a request of this form makes: a draft of another module's type, filled from the answers.</summary>
    [JsonPropertyOrder(11)]
    public FormContentMapping? CreatesContent { get; init; }

    /// <summary>Every field of every step, in the order a citizen meets them.</summary>
    public IEnumerable<FormField> AllFields() => Steps.SelectMany(s => s.Fields);
}

/// <summary>One page of the public flow.</summary>
public sealed record FormStep
{
    public required string Title { get; init; }

    public required IReadOnlyList<FormField> Fields { get; init; }
}

/// <summary>
/// <c>"createsContent": {"type": "Event", "fields": {"title": "titre", ...}}</c>: the content type (a module's
/// IRequestContentTarget) and, by field of that type, the name of the form's field whose answer fills it.
/// </summary>
public sealed record FormContentMapping(string Type, IReadOnlyDictionary<string, string> Fields);
