using Fluid;
using Municipal.Core.Display;

namespace Municipal.Core.Tests.Display;

/// <summary>
/// Templates read view-model records without any registration (a forgotten one rendered blank before), through
/// nested records, lists and derived records; a class, such as a service or an entity, stays closed.
/// </summary>
public sealed class ViewModelAccessTests
{
    [Fact]
    public async Task A_record_graph_is_readable_without_registration()
    {
        var model = new ShelfView("Bibliothèque", [new BookView("Le Petit Prince", new AuthorView("Saint-Exupéry")), new RareBookView("Les Fleurs du mal", new AuthorView("Baudelaire"), 1857)]);

        var html = await RenderAsync("{{ shelf.title }}: {% for b in shelf.books %}[{{ b.title }} / {{ b.author.name }}{% if b.year %} / {{ b.year }}{% endif %}]{% endfor %}", model);

        Assert.Equal("Bibliothèque: [Le Petit Prince / Saint-Exupéry][Les Fleurs du mal / Baudelaire / 1857]", html);
    }

    [Fact]
    public async Task A_class_is_not_readable()
    {
        var html = await RenderAsync("[{{ shelf.secret }}]", new SecretHolder());

        Assert.Equal("[]", html);
        Assert.False(ViewModelAccess.IsViewModel(typeof(SecretHolder)));
        Assert.True(ViewModelAccess.IsViewModel(typeof(BookView)));
    }

    private static async Task<string> RenderAsync(string source, object model)
    {
        var options = new TemplateOptions { MemberAccessStrategy = new ViewModelAccess() };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        Assert.True(new FluidParser().TryParse(source, out var template, out var error), error);
        var context = new TemplateContext(options);
        context.SetValue("shelf", model);
        return await template.RenderAsync(context);
    }

    public sealed record ShelfView(string Title, IReadOnlyList<BookView> Books);

    public record BookView(string Title, AuthorView Author);

    public sealed record RareBookView(string Title, AuthorView Author, int Year) : BookView(Title, Author);

    public sealed record AuthorView(string Name);

    public sealed class SecretHolder
    {
        public string Secret { get; } = "mot de passe";
    }
}
