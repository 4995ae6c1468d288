using System.Net;
using System.Xml.Linq;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Content;

/// <summary>The pages every site has, on the demo municipality: news list and feed, sitemap, robots, statement, errors.</summary>
public sealed class PublicSiteTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var name = fixture.NewTenantName("valmont");
        await fixture.CreateTenantAsync(name, recipe: "demo", displayName: "Valmont");
        _client = fixture.ClientFor($"{name}.localhost");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_news_list_is_paged_newest_first_and_a_malformed_page_number_is_ignored()
    {
        var first = await _client.GetStringAsync("/actualites");
        var second = await _client.GetStringAsync("/actualites?page=2");
        var malformed = await _client.GetAsync("/actualites?page=%27%3B--&page=x");
        var beyond = await _client.GetAsync("/actualites?page=99");

        Assert.Contains("Marché de Noël", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/actualites?page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur 2", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Marché de Noël", second, StringComparison.Ordinal);
        Assert.Equal(10, CountOccurrences(first, "<time datetime="));
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    [Fact]
    public async Task The_news_feed_is_an_atom_document_with_absolute_links()
    {
        var response = await _client.GetAsync("/actualites/feed.xml");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(20, entries.Count);
        Assert.All(entries, e => Assert.StartsWith("http://", e.Element(atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sitemap_lists_published_pages_and_robots_points_to_it()
    {
        var sitemap = XDocument.Parse(await _client.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        var robots = await _client.GetStringAsync("/robots.txt");

        Assert.True(locations.Count >= 60, $"{locations.Count} adresses seulement");
        Assert.Contains(locations, l => l.EndsWith("/demarches/carte-identite", StringComparison.Ordinal));
        Assert.Contains(locations, l => l.EndsWith("/accessibilite", StringComparison.Ordinal));
        Assert.Contains("Sitemap: http://", robots, StringComparison.Ordinal);
        Assert.Contains("/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accessibility_statement_is_drawn_from_the_settings()
    {
        var statement = await _client.GetStringAsync("/accessibilite");

        Assert.Contains("partiellement conforme", statement, StringComparison.Ordinal);
        Assert.Contains("décret du 2 mai 2019", statement, StringComparison.Ordinal);
        Assert.Contains("mailto:accessibilite@valmont.example", statement, StringComparison.Ordinal);
        Assert.Contains("Procédure de recours", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_type_of_the_demo_answers_with_its_own_content()
    {
        Assert.Contains("Documents à fournir", await _client.GetStringAsync("/demarches/carte-identite"), StringComparison.Ordinal);
        Assert.Contains("Dans cette rubrique", await _client.GetStringAsync("/vivre-a-valmont"), StringComparison.Ordinal);
        Assert.Contains("Publié le", await _client.GetStringAsync("/actualites/marche-de-noel-2026"), StringComparison.Ordinal);
        Assert.Contains("Je suis...", await _client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/%C0%AE%C0%AE/etc/passwd")]
    [InlineData("/a//b")]
    [InlineData("/Demarches/Carte-Identite")]
    [InlineData("/x?%zz=1")]
    public async Task Odd_addresses_get_the_404_page_never_a_500(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
