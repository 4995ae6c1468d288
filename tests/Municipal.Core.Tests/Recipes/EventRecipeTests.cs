using Microsoft.Extensions.Options;
using Municipal.Core.Modules;
using Municipal.Core.Recipes;
using Municipal.Core.Storage;
using Municipal.Events;
using Municipal.Events.Recipes;

namespace Municipal.Core.Tests.Recipes;

/// <summary>Bad Event and Agenda items of a recipe: refused before anything runs, in French, naming the step and the item.</summary>
public sealed class EventRecipeTests
{
    private static readonly RecipeVariables Variables = new("ans", "Commune d'Ans", "www.ans.be");

    private readonly RecipeParser _parser = new(
        [new FeaturesStep(new ModuleCatalog([new EventsModule()])), new ContentStep([new EventRecipeHandler(), new AgendaRecipeHandler()])],
        new DataPaths(Options.Create(new MunicipalOptions { RecipesPath = Path.GetTempPath() }), new RecipeParserTests.TestEnvironment()));

    [Theory]
    [InlineData("""{"category": "brocante"}""", "la catégorie « brocante » n'existe pas")]
    [InlineData("""{"recurrence": "FREQ=SOMETIMES;BYDAY=SA"}""", "FREQ=SOMETIMES;BYDAY=SA")]
    [InlineData("""{"recurrence": "BYDAY=SA;COUNT=4"}""", "n’est pas comprise")]
    [InlineData("""{"end": "2026-12-12T13:00"}""", "fin")]
    [InlineData("""{"start": "12/12/2026 14h"}""", "« 12/12/2026 14h » (start) n'est pas une date valide")]
    [InlineData("""{"exceptDates": ["2026-02-30"]}""", "« 2026-02-30 » (exceptDates)")]
    [InlineData("""{"statuses": [{"date": "2026-12-19", "status": "Maybe"}]}""", "statuses[0].status")]
    public void A_bad_event_is_refused_with_its_reason(string change, string expected)
    {
        var item = System.Text.Json.Nodes.JsonNode.Parse("""{"type": "Event", "title": "Marché", "start": "2026-12-12T14:00", "category": "marche"}""")!.AsObject();
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject())
        {
            item[name] = value?.DeepClone();
        }

        var json = """{"steps": [{"step": "features", "enable": ["events"]}, {"step": "content", "items": [{"type": "Agenda", "title": "Agenda"}, ITEM]}]}""".Replace("ITEM", item.ToJsonString(), StringComparison.Ordinal);
        var ex = Assert.Throws<RecipeException>(() => _parser.Prepare("x", json, Variables));
        Assert.Contains("étape 2 (content)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("élément 2 (Event)", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_event_and_agenda_are_accepted()
    {
        var json = """
            {"steps": [{"step": "content", "items": [
              {"type": "Agenda", "title": "Agenda", "slug": "commune", "ownEvents": "listed", "sources": [{"tenant": "tourisme", "categories": ["concert"]}]},
              {"type": "Event", "title": "Marché", "start": "2026-12-12T08:00", "end": "2026-12-12T12:00", "recurrence": "FREQ=WEEKLY;BYDAY=SA;COUNT=4",
               "exceptDates": ["2026-12-26"], "category": "marche", "venue": {"name": "Place", "postalCode": "5999", "lat": 50.4, "lon": 4.8},
               "free": true, "accessible": true, "shared": true, "agendas": ["commune"], "statuses": [{"date": "2026-12-19", "status": "Cancelled"}]}]}]}
            """;
        var recipe = _parser.Prepare("x", json, Variables);
        Assert.Single(recipe.Steps);
    }

    [Fact]
    public void An_agenda_source_with_an_unknown_category_is_refused()
    {
        var json = """{"steps": [{"step": "content", "items": [{"type": "Agenda", "title": "Agenda", "sources": [{"tenant": "tourisme", "categories": ["rave"]}]}]}]}""";
        var ex = Assert.Throws<RecipeException>(() => _parser.Prepare("x", json, Variables));
        Assert.Contains("élément 1 (Agenda)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("« rave »", ex.Message, StringComparison.Ordinal);
    }
}
