using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>The home page of a municipality freshly created from the "municipality" recipe.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MunicipalityHomeTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private TestTenant Tenant => fixture.Tenant;

    [Fact]
    public async Task Home_page_has_no_axe_violations()
    {
        Assert.Equal(200, await GotoAsync(Tenant.Url("/")));

        await Axe.AssertNoViolationsAsync(Page);
    }

    [Fact]
    public async Task Home_page_is_in_french_with_exactly_one_h1()
    {
        await GotoAsync(Tenant.Url("/"));

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        var h1 = Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(h1).ToHaveCountAsync(1);
        await Expect(h1).ToHaveTextAsync($"{Tenant.DisplayName} : bienvenue sur le site officiel");
    }

    [Fact]
    public async Task First_tab_reaches_the_skip_link_and_enter_moves_to_the_main_content()
    {
        await GotoAsync(Tenant.Url("/"));

        await Page.Keyboard.PressAsync("Tab");
        var skipLink = Page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu principal", Exact = true });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();

        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(MainFragment());
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Home_page_has_banner_navigation_main_and_contentinfo_landmarks()
    {
        await GotoAsync(Tenant.Url("/"));

        await Expect(Page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Contentinfo)).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = Tenant.DisplayName, Exact = true })).ToBeVisibleAsync();
    }

    [GeneratedRegex("#main$")]
    private static partial Regex MainFragment();
}
