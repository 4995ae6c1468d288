namespace Municipal.Core.Modules;

/// <summary>
/// A published content page that carries an e-counter form (a procedure page): the form's slug, the page's address,
/// title and one-line summary, and the ids of the "topics" taxonomy terms it is filed under.
/// </summary>
/// <param name="Path">Site path without the leading slash.</param>
public sealed record FormPlacement(string FormSlug, string Path, string Title, string? Summary, IReadOnlyList<string> Topics);

/// <summary>
/// Which published pages carry which form, offered by a module whose content embeds forms (registered scoped, asked
/// only where <see cref="Feature"/> is on): the e-counter's home lists each form under its page's topics, with a link
/// to that page.
/// </summary>
public interface IFormPlacements
{
    string Feature { get; }

    Task<IReadOnlyList<FormPlacement>> ListAsync(CancellationToken cancellationToken);
}
