using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Municipal.Core.Modules;
using Municipal.Core.Recipes;
using Municipal.Core.Storage;
using Municipal.Events;
using Municipal.Events.Public;
using Municipal.Events.Recipes;
using Municipal.Forms;
using Municipal.Forms.Builder;
using Municipal.Media;
using Municipal.News;
using Municipal.News.Public;
using Municipal.News.Recipes;
using Municipal.Pages;
using Municipal.Pages.Recipes;

namespace Municipal.Core.Tests.Recipes;

public sealed class RecipeParserTests
{
    private static readonly RecipeVariables Variables = new("ans", "Commune d'Ans", "www.ans.be");

    private readonly RecipeParser _parser;

    public RecipeParserTests()
    {
        var options = Options.Create(new MunicipalOptions { RecipesPath = RepositoryRecipes() });
        var paths = new DataPaths(options, new TestEnvironment());
        IRecipeStep[] steps =
        [
            new FeaturesStep(new ModuleCatalog([new PagesModule(), new NewsModule(), new MediaModule(), new FormsModule(), new EventsModule()])),
            new SettingsStep(),
            new MenusStep(),
            new ContentStep([new PageRecipeHandler(), new ProcedureRecipeHandler(), new HomePageRecipeHandler([new LatestNewsList(), new NextEventsList(TimeProvider.System)]), new NewsRecipeHandler(), new TaxonomyRecipeHandler(), new EventRecipeHandler(), new AgendaRecipeHandler()]),
            new FormsRecipeStep(),
        ];
        _parser = new RecipeParser(steps, paths);
    }

    [Theory]
    [InlineData("municipality")]
    [InlineData("demo")]
    public async Task The_shipped_recipes_are_valid(string name)
    {
        var (recipeName, json) = await _parser.LoadAsync(name, allowPath: false);
        var recipe = _parser.Prepare(recipeName, json, Variables);
        Assert.Equal(name, recipe.Name);
        Assert.Contains(recipe.Steps, s => s.Position.Name == "content");
        Assert.Contains(recipe.Steps, s => s.Position.Name == "forms");
    }

    [Fact]
    public async Task The_tourism_office_recipe_is_valid_and_has_no_site()
    {
        var (recipeName, json) = await _parser.LoadAsync("tourism-office", allowPath: false);
        var recipe = _parser.Prepare(recipeName, json, Variables);
        Assert.Equal("tourism-office", recipe.Name);
        Assert.DoesNotContain(recipe.Steps, s => s.Position.Name == "menus");
        Assert.Contains(recipe.Steps, s => s.Position.Name == "content");
    }

    [Fact]
    public void Bad_json_is_reported_with_its_line_and_position()
    {
        var ex = Assert.Throws<RecipeException>(() => _parser.Prepare("x", "{\n  \"steps\": [\n    { \"step\": \"features\" ,, }\n  ]\n}", Variables));
        Assert.Contains("ligne 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("position", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_step_names_its_number_and_the_known_steps()
    {
        var ex = Assert.Throws<RecipeException>(() => _parser.Prepare("x", """{"steps": [{"step": "features", "enable": ["pages"]}, {"step": "events"}]}""", Variables));
        Assert.Contains("étape 2 (events)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("content, features, forms, menus, settings", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_names_the_step_the_item_and_the_field()
    {
        var ex = Assert.Throws<RecipeException>(() => _parser.Prepare("x", """{"steps": [{"step": "content", "items": [{"type": "Page", "path": "a"}]}]}""", Variables));
        Assert.Contains("étape 1 (content)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("élément 1 (Page)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("title", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_refused_rather_than_ignored()
    {
        var ex = Assert.Throws<RecipeException>(() => _parser.Prepare("x", """{"steps": [{"step": "features", "enabel": ["pages"]}]}""", Variables));
        Assert.Contains("enabel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_feature_is_refused()
    {
        var ex = Assert.Throws<RecipeException>(() => _parser.Prepare("x", """{"steps": [{"step": "features", "enable": ["teleportation"]}]}""", Variables));
        Assert.Contains("teleportation", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_brand_colour_without_enough_contrast_is_refused()
    {
        var ex = Assert.Throws<RecipeException>(() => _parser.Prepare("x", """{"steps": [{"step": "settings", "site": {"primaryColor": "#ffcc00"}}]}""", Variables));
        Assert.Contains("contraste", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_items_of_a_recipe_on_one_address_are_refused()
    {
        var json = """{"steps": [{"step": "content", "items": [{"type": "Page", "title": "A", "path": "x"}, {"type": "Page", "title": "B", "path": "x"}]}]}""";
        var ex = Assert.Throws<RecipeException>(() => _parser.Prepare("x", json, Variables));
        Assert.Contains("/x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_with_accents_or_dots_is_refused()
    {
        var json = """{"steps": [{"step": "content", "items": [{"type": "Page", "title": "A", "path": "../état"}]}]}""";
        Assert.Throws<RecipeException>(() => _parser.Prepare("x", json, Variables));
    }

    [Fact]
    public async Task A_recipe_name_that_is_a_path_is_refused_unless_paths_are_allowed()
    {
        await Assert.ThrowsAsync<RecipeException>(() => _parser.LoadAsync("../../etc/passwd", allowPath: false));
        await Assert.ThrowsAsync<RecipeException>(() => _parser.LoadAsync("absent-recipe", allowPath: false));
    }

    [Fact]
    public void Tenant_values_are_put_into_strings() =>
        Assert.Equal("Bienvenue à Commune d'Ans (www.ans.be, ans)", Variables.Expand("Bienvenue à {{tenant.displayName}} ({{tenant.host}}, {{tenant.name}})"));

    private static string RepositoryRecipes()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "recipes");
            if (File.Exists(Path.Combine(candidate, "municipality.recipe.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("recipes/ introuvable au-dessus de " + AppContext.BaseDirectory);
    }

    internal sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
