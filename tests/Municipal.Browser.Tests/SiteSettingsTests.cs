using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>The back office's menus, taxonomies and settings pages: axe (also with errors shown), and a menu reordered by keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteSettingsTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private ILocator Summary => Page.Locator(".error-summary");

    [Fact]
    public async Task The_menus_taxonomies_and_settings_pages_have_no_axe_violation_even_with_errors()
    {
        await SignInAsync();

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/menus")));
        await Expect(Heading).ToHaveTextAsync("Menus");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Menu principal", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/menus/footer")));
        await Expect(Heading).ToHaveTextAsync("Menu : Menu du pied de page");
        await Axe.AssertNoViolationsAsync(Page);

        // A link without its label: the error summary takes the focus and links to the field.
        await Page.GetByLabel("Libellé", new() { Exact = true }).First.FillAsync(string.Empty);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le menu" }).First.ClickAsync();
        await Expect(Summary).ToBeFocusedAsync();
        await Expect(Summary).ToContainTextAsync("Saisissez le libellé pour le lien 1");
        await Expect(Page).ToHaveTitleAsync(new Regex("^Erreur : "));
        await Axe.AssertNoViolationsAsync(Page);

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/taxonomies")));
        await Expect(Heading).ToHaveTextAsync("Taxonomies");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Thèmes", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Taxonomie : Thèmes");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le terme" }).ClickAsync();
        await Expect(Summary).ToBeFocusedAsync();
        await Expect(Summary).ToContainTextAsync("Saisissez le nom pour le nouveau terme");
        await Axe.AssertNoViolationsAsync(Page);

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/parametres")));
        await Expect(Heading).ToHaveTextAsync("Paramètres du site");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.Locator("#primary_color").FillAsync("#ffcc00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'identité" }).ClickAsync();
        await Expect(Summary).ToBeFocusedAsync();
        await Expect(Summary).ToContainTextAsync("Le contraste de #ffcc00 sur le blanc est de 1,5:1 ; il faut au moins 4,5:1.");
        await Expect(Page.Locator("#primary_color")).ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertNoViolationsAsync(Page);

        // The summary's link moves the focus to the field.
        await TabUntilFocusedAsync(Summary.GetByRole(AriaRole.Link), maxPresses: 2);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#primary_color")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_menu_link_is_moved_down_by_keyboard_alone_and_the_notice_says_where_it_went()
    {
        await SignInAsync();
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/menus/main")));
        var firstLabel = await Page.Locator("#item-0-label").InputValueAsync();
        var secondLabel = await Page.Locator("#item-1-label").InputValueAsync();

        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = $"Descendre « {firstLabel} »", Exact = true }), maxPresses: 60);
        await PressAndFollowAsync("Enter");

        var notice = Page.Locator("[data-notice]");
        await Expect(notice).ToBeFocusedAsync();
        await Expect(notice).ToHaveTextAsync($"« {firstLabel} » a été déplacé : il est maintenant en position 2 sur 4.");
        await Expect(Page.Locator("#item-0-label")).ToHaveValueAsync(secondLabel);
        await Expect(Page.Locator("#item-1-label")).ToHaveValueAsync(firstLabel);
        await Axe.AssertNoViolationsAsync(Page);

        // The public site shows the new order at once.
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/")));
        var links = Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link);
        await Expect(links.Nth(0)).ToHaveTextAsync(secondLabel);
        await Expect(links.Nth(1)).ToHaveTextAsync(firstLabel);
    }

    [Fact]
    public async Task The_editors_do_not_scroll_sideways_at_320_pixels()
    {
        await SignInAsync();
        await Page.SetViewportSizeAsync(320, 800);
        foreach (var path in new[] { "/admin/menus", "/admin/menus/main", "/admin/taxonomies/topics", "/admin/parametres" })
        {
            Assert.Equal(200, await GotoAsync(fixture.Tenant.Url(path)));
            var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1])
            {
                var past = await Page.EvaluateAsync<string>("""
                    () => [...document.body.querySelectorAll('*')]
                        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                        .slice(0, 10)
                        .map(e => `<${e.tagName.toLowerCase()}${e.id ? ` id="${e.id}"` : ''}> right=${Math.round(e.getBoundingClientRect().right)}`)
                        .join(', ')
                    """);
                Assert.Fail($"{path} is {widths[0]} px wide in a {widths[1]} px viewport: it scrolls horizontally. Past the right edge: {past}");
            }
        }
    }

    private Task SignInAsync() => SignInAsync(fixture.Tenant, fixture.Tenant.AdminEmail, fixture.Tenant.AdminPassword);
}
