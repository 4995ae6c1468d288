using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Content;

/// <summary>
/// What the browser tab, a phone's home screen and search engines read of each municipality: its icons in its own
/// colour, its web-app manifest under its own name, and a meta description on the home page, the form pages and the
/// e-counter's home.
/// </summary>
public sealed partial class SiteIconTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task Each_municipality_serves_its_icons_and_a_manifest_that_names_it()
    {
        var valmont = fixture.NewTenantName("icons-demo");
        await fixture.CreateTenantAsync(valmont, recipe: "demo", displayName: "Valmont");
        var amay = fixture.NewTenantName("icons-new");
        await fixture.CreateTenantAsync(amay, displayName: "Commune d'Amay");

        // The demo's brand colour; a new municipality has none and gets the default theme's.
        await AssertIconsAsync(fixture.ClientFor($"{valmont}.localhost"), "Valmont", "#1d5e3a");
        await AssertIconsAsync(fixture.ClientFor($"{amay}.localhost"), "Commune d'Amay", "#0b5394");
    }

    [Fact]
    public async Task Every_page_links_the_icons_and_the_manifest_and_has_a_meta_description()
    {
        var name = fixture.NewTenantName("meta");
        await fixture.CreateTenantAsync(name, displayName: "Commune de Wanze");
        var client = fixture.ClientFor($"{name}.localhost");

        var home = await client.GetStringAsync("/");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", home, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", home, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">", home, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">", home, StringComparison.Ordinal);

        // The home page without a description of its own: the site's name and tagline (the recipe's "Le site officiel de
        // l'administration communale").
        Assert.Contains("Commune de Wanze", Description(home), StringComparison.Ordinal);
        Assert.Contains("Le site officiel de l'administration communale", Description(home), StringComparison.Ordinal);

        // A form's pages: the first line of its introduction, or its title.
        var form = await client.GetStringAsync("/e-guichet/certificat-de-residence");
        Assert.False(string.IsNullOrWhiteSpace(Description(form)));
        Assert.True(Description(form).Length <= 160, Description(form));

        Assert.False(string.IsNullOrWhiteSpace(Description(await client.GetStringAsync("/e-guichet"))));

        // The other pages that had none: the news list and the accessibility statement.
        Assert.False(string.IsNullOrWhiteSpace(Description(await client.GetStringAsync("/actualites"))));
        Assert.False(string.IsNullOrWhiteSpace(Description(await client.GetStringAsync("/accessibilite"))));
    }

    private static async Task AssertIconsAsync(HttpClient client, string displayName, string color)
    {
        var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
        Assert.True(ico.Headers.CacheControl?.Public);
        var icoBytes = await ico.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, icoBytes[..4]);

        var svg = await client.GetAsync("/favicon.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"fill=\"{color}\"", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var touch = await client.GetAsync("/apple-touch-icon.png");
        Assert.Equal("image/png", touch.Content.Headers.ContentType?.MediaType);
        var png = await touch.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(180, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(180, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

        var manifestResponse = await client.GetAsync("/manifest.webmanifest");
        Assert.Equal("application/manifest+json", manifestResponse.Content.Headers.ContentType?.MediaType);
        using var manifest = JsonDocument.Parse(await manifestResponse.Content.ReadAsStringAsync());
        var root = manifest.RootElement;
        Assert.Equal(displayName, root.GetProperty("name").GetString());
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Equal(color, root.GetProperty("theme_color").GetString());
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            var answer = await client.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(icon.GetProperty("type").GetString(), answer.Content.Headers.ContentType?.MediaType);
        }
    }

    private static string Description(string html) =>
        WebUtility.HtmlDecode(MetaDescription().Match(html) is { Success: true } match ? match.Groups[1].Value : string.Empty);

    [GeneratedRegex("<meta name=\"description\" content=\"([^\"]*)\">")]
    private static partial Regex MetaDescription();
}
