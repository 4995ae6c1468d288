using Municipal.Core.Display;
using Municipal.Core.Resources;

namespace Municipal.Core.Tests.Display;

/// <summary>
/// In strict mode (Development, the tests: Municipal:Templates:StrictVariables) a template that reads a member its
/// view model does not have fails; a member that exists and is null is defined. Otherwise it renders empty.
/// </summary>
public sealed class StrictTemplateTests
{
    private static readonly BookView Book = new("Le Petit Prince", Subtitle: null, new AuthorView("Saint-Exupéry"));

    [Fact]
    public async Task A_null_member_is_defined_in_strict_mode()
    {
        var html = await Renderer(strict: true).RenderAsync("default", "StrictBook", Book);

        Assert.Equal("Le Petit Prince par Saint-Exupéry", html);
    }

    [Fact]
    public async Task A_partial_s_parameter_left_out_or_null_is_empty_in_strict_mode()
    {
        var html = await Renderer(strict: true).RenderAsync("default", "StrictPartial", Book);

        Assert.Equal("Le Petit Prince(Saint-Exupéry)", html);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_partial_sees_only_what_its_caller_passes_not_the_page_s_members_of_the_same_name(bool strict)
    {
        // A form partial's "name" left out must fall back to its default, not to the page's Name (issue 13: the image
        // edit form posted the field under the image's file name).
        var html = await Renderer(strict).RenderAsync("default", "StrictPartialScope", Book);

        Assert.Equal("[]|[Saint-Exupéry]", html);
    }

    [Theory]
    [InlineData("StrictMissingTop", "missing")]
    [InlineData("StrictMissingNested", "nickname")]
    public async Task A_missing_member_fails_in_strict_mode(string template, string member)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Renderer(strict: true).RenderAsync("default", template, Book));

        Assert.Contains(template + ".liquid", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{member}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StrictMissingTop", "Le Petit Prince []")]
    [InlineData("StrictMissingNested", "Le Petit Prince par ")]
    public async Task A_missing_member_renders_empty_when_not_strict(string template, string expected)
    {
        var html = await Renderer(strict: false).RenderAsync("default", template, Book);

        Assert.Equal(expected, html);
    }

    [Fact]
    public async Task The_members_of_the_ambient_record_are_read_at_the_top_level()
    {
        var html = await Renderer(strict: true).RenderAsync("default", "StrictAmbient", Book, new AmbientView("__token"));

        Assert.Equal("Le Petit Prince (__token)", html);
    }

    private static LiquidRenderer Renderer(bool strict) => new(
        [],
        [new ModuleTemplates("Tests", new EmbeddedAssets(typeof(StrictTemplateTests).Assembly, "Display/Templates"))],
        [],
        new TextCatalog([]),
        new TemplateStrictness(strict));

    public sealed record BookView(string Title, string? Subtitle, AuthorView Author);

    public sealed record AuthorView(string Name);

    public sealed record AmbientView(string AntiforgeryField);
}
