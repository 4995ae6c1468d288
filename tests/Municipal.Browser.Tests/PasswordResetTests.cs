using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>"Mot de passe oublié" and "Nouveau mot de passe" of the back office: axe and keyboard only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordResetTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task The_request_form_has_no_axe_violation_and_works_by_keyboard_alone_from_the_sign_in_page()
    {
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/connexion")));

        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?", Exact = true }));
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Heading).ToHaveTextAsync("Mot de passe oublié");
        await Axe.AssertNoViolationsAsync(Page);

        var email = Page.GetByLabel("Adresse e-mail", new() { Exact = true });
        await TabUntilFocusedAsync(email);
        await Page.Keyboard.TypeAsync(fixture.Tenant.AdminEmail);
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Recevoir un lien", Exact = true }), maxPresses: 2);
        Assert.Equal(200, await PressAndFollowAsync("Enter"));

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Si un compte correspond à cette adresse");
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Fact]
    public async Task The_new_password_page_has_no_axe_violation_with_or_without_errors()
    {
        var url = fixture.Tenant.Url($"/admin/nouveau-mot-de-passe?email={Uri.EscapeDataString(fixture.Tenant.AdminEmail)}&jeton=pas-un-jeton");
        Assert.Equal(200, await GotoAsync(url));
        await Expect(Heading).ToHaveTextAsync("Nouveau mot de passe");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GetByLabel("Nouveau mot de passe", new() { Exact = true }).FillAsync("un-secret-assez-long-1");
        await Page.GetByLabel("Confirmer le mot de passe", new() { Exact = true }).FillAsync("un-autre-secret-long-2");
        await Page.GetByLabel("Confirmer le mot de passe", new() { Exact = true }).FocusAsync();
        Assert.Equal(200, await PressAndFollowAsync("Enter"));

        await Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator(".error-summary")).ToContainTextAsync("Les deux mots de passe ne sont pas identiques");
        await Axe.AssertNoViolationsAsync(Page);
    }
}
