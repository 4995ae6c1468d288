using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>
/// The sample municipality ("demo" recipe): every page its menus lead to, by mouse or by keyboard.
/// The menu links are read from the page, as rendered: nothing here knows the recipe's menus.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoNavigationTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    private const string MainMenuName = "Navigation principale";
    private const string FooterMenuName = "Liens utiles";

    private TestTenant Tenant => fixture.Tenant;

    /// <summary>The pages of the menus that <see cref="DemoPageTypeTests"/> does not already check (axe is the slow part).</summary>
    [Fact]
    public async Task Every_page_of_the_main_and_footer_menus_has_no_axe_violations()
    {
        await GotoAsync(Tenant.Url("/"));
        var paths = new List<string>();
        paths.AddRange((await MenuLinksAsync(MainMenuName)).Select(l => l.Href));
        paths.AddRange((await MenuLinksAsync(FooterMenuName)).Select(l => l.Href));
        Assert.True(paths.Count >= 6, $"The demo menus should lead to at least six pages; found {string.Join(", ", paths)}.");

        var reports = new List<string>();
        foreach (var path in paths.Distinct(StringComparer.Ordinal).Except(DemoPages.Paths, StringComparer.Ordinal))
        {
            Assert.True(await GotoAsync(Tenant.Url(path)) == 200, $"{path} does not answer 200.");
            if (await Axe.FindViolationsAsync(Page) is { } report)
            {
                reports.Add(report);
            }
        }

        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }

    [Theory]
    [InlineData(MainMenuName)]
    [InlineData(FooterMenuName)]
    public async Task Tab_reaches_each_menu_link_in_order(string menu)
    {
        await GotoAsync(Tenant.Url("/"));
        var links = Menu(menu).GetByRole(AriaRole.Link);
        var count = await links.CountAsync();
        Assert.True(count > 0, $"The menu « {menu} » has no link.");

        await TabUntilFocusedAsync(links.First, maxPresses: 150);
        for (var i = 1; i < count; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            await Expect(links.Nth(i)).ToBeFocusedAsync();
        }
    }

    /// <summary>
    /// Each link, from the home page: Tab until it has the focus, Enter, and the page it leads to is there
    /// (200, one h1 that is not the 404 heading, the link marked as the current page).
    /// </summary>
    [Theory]
    [InlineData(MainMenuName)]
    [InlineData(FooterMenuName)]
    public async Task Each_menu_link_followed_with_the_keyboard_loads_its_page(string menu)
    {
        await GotoAsync(Tenant.Url("/"));
        var links = await MenuLinksAsync(menu);
        Assert.True(links.Count > 0, $"The menu « {menu} » has no link.");

        var failures = new List<string>();
        foreach (var (label, href) in links)
        {
            try
            {
                await FollowWithTheKeyboardAsync(menu, label, href);
            }
            catch (Exception failure) when (failure is XunitException or PlaywrightException or TimeoutException)
            {
                failures.Add($"« {label} » ({href}): {failure.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private ILocator Menu(string name) => Page.GetByRole(AriaRole.Navigation, new() { Name = name, Exact = true });

    private async Task FollowWithTheKeyboardAsync(string menu, string label, string href)
    {
        await GotoAsync(Tenant.Url("/"));
        var link = Menu(menu).GetByRole(AriaRole.Link, new() { Name = label, Exact = true });

        await TabUntilFocusedAsync(link, maxPresses: 150);
        var response = await PressAndFollowAsync("Enter");

        Assert.True(response == 200, $"the page answered {response}.");
        await Expect(Page).ToHaveURLAsync(Tenant.Url(href));
        var h1 = Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(h1).ToHaveCountAsync(1);
        await Expect(h1).Not.ToHaveTextAsync("Page introuvable");
        await Expect(Menu(menu).GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    }

    /// <summary>The links of a menu of the page as it is: their text and the site path they point to, in order.</summary>
    private async Task<IReadOnlyList<(string Label, string Href)>> MenuLinksAsync(string menu)
    {
        var links = new List<(string, string)>();
        foreach (var link in await Menu(menu).GetByRole(AriaRole.Link).AllAsync())
        {
            var href = await link.GetAttributeAsync("href");
            Assert.False(string.IsNullOrEmpty(href), $"A link of the menu « {menu} » has no href.");
            Assert.StartsWith("/", href);
            links.Add(((await link.InnerTextAsync()).Trim(), href));
        }

        return links;
    }
}
