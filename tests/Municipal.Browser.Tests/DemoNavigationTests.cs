using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>The sample municipality ("demo" recipe): every page its menus lead to, by mouse or by keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoNavigationTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    private TestTenant Tenant => fixture.Tenant;

    private ILocator MainMenu => Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale", Exact = true });

    private ILocator FooterMenu => Page.GetByRole(AriaRole.Navigation, new() { Name = "Liens utiles", Exact = true });

    [Fact]
    public async Task Every_page_of_the_main_and_footer_menus_has_no_axe_violations()
    {
        await GotoAsync(Tenant.Url("/"));
        var paths = new List<string> { "/" };
        paths.AddRange(await LinkTargetsAsync(MainMenu));
        paths.AddRange(await LinkTargetsAsync(FooterMenu));
        Assert.True(paths.Count >= 7, $"The demo menus should lead to at least six pages; found {string.Join(", ", paths)}.");

        var reports = new List<string>();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            Assert.True(await GotoAsync(Tenant.Url(path)) == 200, $"{path} does not answer 200.");
            if (await Axe.FindViolationsAsync(Page) is { } report)
            {
                reports.Add(report);
            }
        }

        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }

    [Fact]
    public async Task Tab_reaches_each_main_menu_link_in_order()
    {
        await GotoAsync(Tenant.Url("/"));
        var links = MainMenu.GetByRole(AriaRole.Link);
        var count = await links.CountAsync();
        Assert.Equal(4, count);

        await TabUntilFocusedAsync(links.First);
        for (var i = 1; i < count; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            await Expect(links.Nth(i)).ToBeFocusedAsync();
        }
    }

    [Fact]
    public async Task Tab_reaches_each_footer_menu_link_in_order()
    {
        await GotoAsync(Tenant.Url("/"));
        var links = FooterMenu.GetByRole(AriaRole.Link);
        var count = await links.CountAsync();
        Assert.Equal(3, count);

        await TabUntilFocusedAsync(links.First);
        for (var i = 1; i < count; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            await Expect(links.Nth(i)).ToBeFocusedAsync();
        }
    }

    [Theory]
    [InlineData("Navigation principale", "Démarches", "/demarches")]
    [InlineData("Navigation principale", "Vie communale", "/vie-communale")]
    [InlineData("Navigation principale", "Vivre à Valmont", "/vivre-a-valmont")]
    [InlineData("Navigation principale", "Contact", "/contact")]
    [InlineData("Liens utiles", "Accessibilité", "/accessibilite")]
    [InlineData("Liens utiles", "Vie privée", "/vie-privee")]
    public async Task A_menu_link_followed_with_the_keyboard_loads_a_page_with_an_h1(string menu, string label, string path)
    {
        await GotoAsync(Tenant.Url("/"));
        var link = Page.GetByRole(AriaRole.Navigation, new() { Name = menu, Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = label, Exact = true });

        await TabUntilFocusedAsync(link);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(Tenant.Url(path));
        var h1 = Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(h1).ToHaveCountAsync(1);
        await Expect(h1).Not.ToHaveTextAsync("Page introuvable");
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = menu, Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    }

    /// <summary>The site paths the links of a menu point to, in order.</summary>
    private static async Task<IReadOnlyList<string>> LinkTargetsAsync(ILocator menu)
    {
        var paths = new List<string>();
        foreach (var link in await menu.GetByRole(AriaRole.Link).AllAsync())
        {
            var href = await link.GetAttributeAsync("href");
            Assert.False(string.IsNullOrEmpty(href), $"A link of {menu} has no href.");
            paths.Add(href);
        }

        return paths;
    }
}
