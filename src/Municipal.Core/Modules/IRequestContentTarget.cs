namespace Municipal.Core.Modules;

/// <summary>A field of a content type that a form's answer may fill; <see cref="Required"/> ones must be mapped.</summary>
public sealed record RequestContentField(string Name, bool Required = false);

/// <summary>The request a draft comes from: its tracking code, its form's title and its page in the back office.</summary>
public sealed record RequestContentOrigin(string TrackingCode, string FormTitle, string RequestUrl);

/// <summary>A draft made from a request: its id, its title and its editor's address (under the tenant, e.g. "/admin/contenus/…").</summary>
public sealed record RequestContentDraft(string ContentItemId, string Title, string EditUrl);

/// <summary>
/// A content type that a request can become when an agent accepts it (implemented by the module of the type, e.g.
/// Events; asked for by the e-counter through a form's "createsContent" mapping, so neither names the other). The
/// values are the mapped answers as plain text by target field: text as typed, a choice's value, a date as yyyy-MM-dd,
/// a yes/no as "true"/"false". Only mapped answers are given: the requester's identity stays with the request.
/// </summary>
public interface IRequestContentTarget
{
    string ContentType { get; }

    /// <summary>The feature the type belongs to; no draft is made while the tenant has it off.</summary>
    string Feature { get; }

    IReadOnlyList<RequestContentField> Fields { get; }

    /// <summary>
    /// Saves a draft for an editor to review, or returns the one already made from this request (accepting twice makes
    /// one draft). Answers that do not fit (a malformed time...) are left out rather than refused: the editor completes them.
    /// </summary>
    Task<RequestContentDraft> CreateDraftAsync(RequestContentOrigin origin, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken);

    /// <summary>The draft made from this request, if any (still there: not deleted).</summary>
    Task<RequestContentDraft?> FindDraftAsync(string trackingCode, CancellationToken cancellationToken);
}
