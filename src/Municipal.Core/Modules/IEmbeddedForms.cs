namespace Municipal.Core.Modules;

/// <summary>A form a procedure page may carry: its slug and title.</summary>
public sealed record EmbeddedFormChoice(string Slug, string Title);

/// <summary>
/// What content pages know of the e-counter (implemented by the Forms module; absent when it is not loaded, so
/// callers take it as optional): the first step of a form drawn inside a page, posting to the form's own address.
/// </summary>
public interface IEmbeddedForms
{
    /// <summary>
    /// The HTML of the form's first step (sanitised by its templates), headed by an h2, or null when the tenant has the
    /// e-counter off or the form is unknown or disabled. The fragment is the same for every visitor, so the page stays cacheable.
    /// </summary>
    Task<string?> FirstStepHtmlAsync(HttpContext http, string formSlug);

    /// <summary>The tenant's enabled forms, by title (for the editor's choice of a procedure's form); empty when the e-counter is off.</summary>
    Task<IReadOnlyList<EmbeddedFormChoice>> ListAsync(CancellationToken cancellationToken);
}
