using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>The regional operator's administration at /host: axe, and a commune created by keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostAdminTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private string HostUrl(string path) => new Uri(Server.SiteUrl("localhost"), path).ToString();

    [Fact]
    public async Task The_sign_in_page_has_no_axe_violation()
    {
        Assert.Equal(200, await GotoAsync(HostUrl("/host/connexion")));

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Connexion");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Fact]
    public async Task An_operator_signs_in_and_creates_a_commune_by_keyboard_alone()
    {
        var (email, password) = await Server.CreateOperatorAsync();
        Assert.Equal(200, await GotoAsync(HostUrl("/host")));
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(HostUrl("/host/connexion"))));

        await TabUntilFocusedAsync(Page.GetByLabel("Adresse e-mail", new() { Exact = true }));
        await Page.Keyboard.TypeAsync(email);
        await TabUntilFocusedAsync(Page.GetByLabel("Mot de passe", new() { Exact = true }), maxPresses: 3);
        await Page.Keyboard.TypeAsync(password);
        await PressAndFollowAsync("Enter");

        // The list of communes, without axe violation.
        await Expect(Page).ToHaveURLAsync(HostUrl("/host"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Communes");
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Communes" });
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = fixture.Tenant.Name })).ToContainTextAsync("En service");
        await Axe.AssertNoViolationsAsync(Page);

        var name = "clavier-" + RandomNumberGenerator.GetHexString(6, lowercase: true);
        // The list holds every commune of the shared host, as many as the other test classes made: the form is
        // reached past it, in the same few steps however long it is (skip link, sign-out, the page's own link).
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu principal", Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter", Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Créer une commune", Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Nom technique", new() { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(name);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Nom affiché", new() { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("Commune de Clavier");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Hôte", new() { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync($"{name}.localhost");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("E-mail de l'administrateur", new() { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync($"admin@{name}.localhost");
        await Page.Keyboard.PressAsync("Tab");
        var recipe = Page.Locator("#recipe");
        await Expect(recipe).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("municipality");
        await Expect(recipe).ToHaveValueAsync("municipality");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Créer la commune", Exact = true })).ToBeFocusedAsync();
        Assert.Equal(200, await PressAndFollowAsync("Enter"));

        // The one-time password is shown once, in a focused confirmation; the new commune is listed and answers.
        var notice = Page.Locator("[data-notice]");
        await Expect(notice).ToBeFocusedAsync();
        await Expect(notice).ToContainTextAsync("Commune créée : Commune de Clavier");
        await Expect(notice.Locator(".one-time-password")).ToHaveTextAsync(new Regex("^\\S{20}$"));
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = name })).ToContainTextAsync("En service");
        await Axe.AssertNoViolationsAsync(Page);

        Assert.Equal(200, await GotoAsync(Server.SiteUrl($"{name}.localhost").ToString()));
        await Expect(Page).ToHaveTitleAsync(new Regex("Commune de Clavier"));
    }
}
