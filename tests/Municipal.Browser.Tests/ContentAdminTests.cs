using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Security;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>
/// The content back office in a browser: an editor writes a page by keyboard alone, meets the error summary,
/// previews the draft, publishes it, and a visitor reads it. axe on every screen on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentAdminTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task An_editor_writes_previews_and_publishes_a_page_by_keyboard_and_a_visitor_reads_it()
    {
        await SignInAsEditorAsync();

        // The list.
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/contenus")));
        await Expect(Heading).ToHaveTextAsync("Contenus");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Contenus, du plus récemment modifié au plus ancien" })).ToContainTextAsync("Contact et horaires");
        await Axe.AssertNoViolationsAsync(Page);

        // "Créer" a page, by keyboard.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Page", Exact = true }));
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Heading).ToHaveTextAsync("Nouveau contenu : Page");
        await Axe.AssertNoViolationsAsync(Page);

        // The body first, the title forgotten: the error summary takes the focus and leads back to the title.
        // The body is the rich-text editor's editable area; the hidden textarea behind it is what the form posts.
        var body = Page.GetByRole(AriaRole.Textbox, new() { Name = "Contenu (facultatif)", Exact = true });
        await TabUntilFocusedAsync(body);
        await Page.Keyboard.TypeAsync("Le parc est ouvert de 8 h à 20 h.");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon", Exact = true }));
        Assert.Equal(400, await PressAndFollowAsync("Enter"));
        var summary = Page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(Page).ToHaveTitleAsync(new Regex("^Erreur : "));
        await Axe.AssertNoViolationsAsync(Page);

        await Page.Keyboard.PressAsync("Tab");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Complétez le champ « Titre »" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        var title = Page.GetByLabel("Titre", new() { Exact = true });
        await Expect(title).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("Parc communal");

        // The parent page is a labelled list reached by keyboard; left at the root, the page answers at /parc-communal.
        var parent = Page.GetByRole(AriaRole.Combobox, new() { Name = "Page parente (facultatif)", Exact = true });
        await TabUntilFocusedAsync(parent);
        await Expect(parent).ToHaveAccessibleDescriptionAsync(new Regex("^La page sous laquelle"));
        await Expect(parent.Locator("option:checked")).ToHaveTextAsync("Aucune (à la racine)");
        await Expect(parent.Locator("option", new() { HasTextString = "— Contact et horaires" })).ToHaveCountAsync(1);
        await Expect(Page.GetByLabel("Adresse (facultatif)", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await Expect(body).ToHaveTextAsync("Le parc est ouvert de 8 h à 20 h.");
        await Expect(Page.Locator("textarea#body")).ToHaveValueAsync("<p>Le parc est ouvert de 8 h à 20 h.</p>");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon", Exact = true }));
        await PressAndFollowAsync("Enter");

        // The edit page: saved, a draft, with its preview.
        await Expect(Heading).ToHaveTextAsync("Modifier « Parc communal »");
        await Expect(Page.Locator("[data-notice]")).ToBeFocusedAsync();
        await Expect(Page.Locator(".summary-list")).ToContainTextAsync("Brouillon");
        await Axe.AssertNoViolationsAsync(Page);
        var editUrl = Page.Url;

        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Aperçu de la dernière version", Exact = true }));
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Heading).ToHaveTextAsync("Parc communal");
        await Expect(Page.Locator(".municipal-preview")).ToContainTextAsync("Aperçu");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Le parc est ouvert de 8 h à 20 h.");
        await Axe.AssertNoViolationsAsync(Page);

        // A visitor does not see it yet; the editor publishes; the visitor reads it.
        await using var visitorContext = await Server.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        Assert.Equal(404, (await visitor.GotoAsync(fixture.Tenant.Url("/parc-communal")))!.Status);

        Assert.Equal(200, await GotoAsync(editUrl));
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Publier la dernière version", Exact = true }), maxPresses: 80);
        await PressAndFollowAsync("Enter");
        await Expect(Page.Locator("[data-notice]")).ToContainTextAsync("Le contenu a été publié.");
        await Expect(Page.Locator(".summary-list")).ToContainTextAsync("Publié");

        Assert.Equal(200, (await visitor.GotoAsync(fixture.Tenant.Url("/parc-communal")))!.Status);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Parc communal");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("Le parc est ouvert de 8 h à 20 h.");
    }

    [Fact]
    public async Task The_edit_form_with_errors_has_no_axe_violation()
    {
        await SignInAsEditorAsync();
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/contenus?q=contact")));
        await Page.GetByRole(AriaRole.Link, new() { Name = "Contact et horaires", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Modifier « Contact et horaires »");

        // A pending schedule has its own cancel button, named after what it cancels.
        await Page.Locator("#schedule-unpublish").CheckAsync();
        await Page.Locator("#schedule-date").FillAsync("2099-01-01");
        await Page.Locator("#schedule-time").FillAsync("08:00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Programmer", Exact = true }).ClickAsync();
        var cancel = Page.GetByRole(AriaRole.Button, new() { Name = "Annuler la dépublication programmée le 01/01/2099 à 08:00", Exact = true });
        await Expect(cancel).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await cancel.ClickAsync();
        await Expect(Page.Locator("[data-notice]")).ToContainTextAsync("La programmation a été annulée.");
        await Expect(cancel).ToHaveCountAsync(0);

        await Page.GetByLabel("Titre", new() { Exact = true }).FillAsync(string.Empty);
        await Page.GetByLabel("Adresse (facultatif)", new() { Exact = true }).FillAsync("Pas Valide!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon", Exact = true }).ClickAsync();

        await Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator(".error-summary")).ToContainTextAsync("Complétez le champ « Titre »");
        await Expect(Page.Locator(".error-summary")).ToContainTextAsync("L'adresse « /pas valide! » n'est pas valide");
        await Axe.AssertNoViolationsAsync(Page);
    }

    private async Task SignInAsEditorAsync()
    {
        var (email, password) = await Server.CreateUserAsync(fixture.Tenant, TenantRoles.Editor);
        await SignInAsync(fixture.Tenant, email, password);
    }
}

/// <summary>The content screens at 320 CSS pixels wide (WCAG 1.4.10): nothing scrolls sideways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentAdminReflowTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    protected override ViewportSize? Viewport => new() { Width = 320, Height = 800 };

    [Fact]
    public async Task The_list_and_the_forms_do_not_scroll_horizontally_at_320_pixels()
    {
        var (email, password) = await Server.CreateUserAsync(fixture.Tenant, TenantRoles.Editor);
        await SignInAsync(fixture.Tenant, email, password);

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/contenus")));
        await AssertNoSidewaysScrollAsync();
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/contenus/nouveau?type=Procedure")));
        await AssertNoSidewaysScrollAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et publier", Exact = true }).ClickAsync();
        await Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await AssertNoSidewaysScrollAsync();
    }

    private async Task AssertNoSidewaysScrollAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] > widths[1])
        {
            var past = await Page.EvaluateAsync<string>("""
                () => [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                    .slice(0, 8)
                    .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> right=${Math.round(e.getBoundingClientRect().right)}`)
                    .join(', ')
                """);
            Assert.Fail($"{Page.Url} is {widths[0]} px wide in a {widths[1]} px viewport. Past the right edge: {past}");
        }
    }
}
