using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// The e-counter's home, /e-guichet: every published form grouped by the topic of the procedure that carries it,
/// linked to that procedure (or to the form's own address), a title filter that works without script; its link and the
/// follow-up page's on every public page where the e-counter is on, and in the sitemap.
/// </summary>
public sealed partial class CounterPageTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task The_counter_lists_each_published_form_under_its_topic_with_a_link_to_its_procedure()
    {
        var (name, client) = await DemoAsync();
        // A form no procedure carries: under "Autres démarches", linked to its own address.
        await PublicFormTestForms.SaveAsync(fixture, name);

        var response = await client.GetAsync("/e-guichet");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var topics = Topics(html);
        Assert.Equal(["État civil et population", "Environnement et propreté", "Vie communale", "Autres démarches"], topics.Keys);
        Assert.Contains("<a href=\"/demarches/certificat-de-residence\">Demande de certificat de résidence</a>", topics["État civil et population"], StringComparison.Ordinal);
        Assert.Contains("<a href=\"/demarches/signaler-un-probleme\">Signaler un problème sur la voie publique</a>", topics["Environnement et propreté"], StringComparison.Ordinal);
        Assert.Contains("<a href=\"/demarches/reserver-une-salle\">Réserver une salle communale</a>", topics["Vie communale"], StringComparison.Ordinal);
        Assert.Contains("<a href=\"/e-guichet/reserver-salle\">Réserver une salle communale</a>", topics["Autres démarches"], StringComparison.Ordinal);
        // The one-line description: the procedure's summary, else the first line of the form's introduction.
        Assert.Contains("Demander en ligne un certificat de résidence", topics["État civil et population"], StringComparison.Ordinal);
        Assert.Contains("Réservez une salle pour une fête ou une réunion.", topics["Autres démarches"], StringComparison.Ordinal);
        Assert.Contains("<a href=\"/e-guichet/suivi\">Suivre ma demande</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_title_filter_keeps_the_matching_forms_whatever_the_case_and_accents()
    {
        var (_, client) = await DemoAsync();

        var one = WebUtility.HtmlDecode(await client.GetStringAsync("/e-guichet?q=RESIDENCE"));
        var none = await client.GetAsync("/e-guichet?q=" + Uri.EscapeDataString("permis de pêche"));
        var tooLong = await client.GetAsync("/e-guichet?q=" + new string('x', 5000));

        Assert.Equal(["État civil et population"], Topics(one).Keys);
        Assert.Contains("1 démarche en ligne correspond à « RESIDENCE ».", one, StringComparison.Ordinal);
        Assert.Contains("value=\"RESIDENCE\"", one, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Aucune démarche en ligne ne correspond à « permis de pêche ».", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
    }

    [Fact]
    public async Task Every_public_page_links_the_counter_and_the_follow_up_page_and_the_sitemap_lists_the_counter()
    {
        var (_, client) = await DemoAsync();

        foreach (var path in new[] { "/", "/demarches", "/demarches/carte-identite", "/actualites", "/accessibilite", "/e-guichet", "/e-guichet/suivi", "/page-inconnue" })
        {
            var response = await client.GetAsync(path);
            var page = await response.Content.ReadAsStringAsync();
            var nav = ServiceNavigation().Match(page);
            Assert.True(nav.Success, $"{path}: no « Services en ligne » navigation.");
            Assert.Contains("href=\"/e-guichet\"", nav.Value, StringComparison.Ordinal);
            Assert.Contains("href=\"/e-guichet/suivi\"", nav.Value, StringComparison.Ordinal);
        }

        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Contains(sitemap.Root!.Elements(ns + "url"), u => u.Element(ns + "loc")!.Value.EndsWith("/e-guichet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_e_counter_there_is_no_counter_page_nor_its_links()
    {
        var name = fixture.NewTenantName("sans-eg");
        var recipe = RecipeFiles.Write(fixture, """{ "name": "pages-only", "steps": [ { "step": "features", "enable": ["pages"] } ] }""");
        await fixture.CreateTenantAsync(name, recipe: recipe);
        var client = fixture.ClientFor($"{name}.localhost");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/e-guichet")).StatusCode);
        Assert.DoesNotContain("e-guichet", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("/e-guichet", await client.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The demo's "Démarches" page lists its procedures by hand: the three that carry a form were missing from it (they
    /// came with the e-counter), so a citizen reading the list never met them. Each is listed now, and each has a topic.
    /// </summary>
    [Fact]
    public async Task The_procedures_page_lists_every_procedure_that_carries_a_form()
    {
        var (_, client) = await DemoAsync();

        var demarches = await client.GetStringAsync("/demarches");
        var body = Prose().Match(demarches).Value;

        foreach (var procedure in new[] { "certificat-de-residence", "signaler-un-probleme", "reserver-une-salle" })
        {
            Assert.Contains($"href=\"/demarches/{procedure}\"", body, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/e-guichet\"", body, StringComparison.Ordinal);
    }

    private async Task<(string Name, HttpClient Client)> DemoAsync()
    {
        var name = fixture.NewTenantName("eg");
        await fixture.CreateTenantAsync(name, recipe: "demo", displayName: "Valmont");
        return (name, fixture.ClientFor($"{name}.localhost"));
    }

    /// <summary>Each topic's heading and the HTML of its list, in the page's order.</summary>
    private static Dictionary<string, string> Topics(string html) =>
        TopicSection().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex("<h2 id=\"counter-topic-\\d+\">([^<]+)</h2>\\s*<ul class=\"counter-forms\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex TopicSection();

    [GeneratedRegex("<nav class=\"service-nav\" aria-label=\"Services en ligne\">.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex ServiceNavigation();

    [GeneratedRegex("<div class=\"prose\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex Prose();
}
