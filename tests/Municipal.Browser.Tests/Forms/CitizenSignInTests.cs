using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Forms;

/// <summary>The citizen's sign-in (through the test double of the national service): axe and keyboard only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CitizenSignInTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task A_citizen_identifies_by_keyboard_alone_after_a_mistake_named_in_the_error_summary()
    {
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/e-guichet/connexion?retour=%2Fcontact")));
        await Expect(Heading).ToHaveTextAsync("Identification");
        await Axe.AssertNoViolationsAsync(Page);

        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "S'identifier avec le service d'identification simulé (test)", Exact = true }));
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Heading).ToHaveTextAsync("Identification simulée");
        await Axe.AssertNoViolationsAsync(Page);

        await TabUntilFocusedAsync(Page.GetByLabel("Prénom", new() { Exact = true }));
        await Page.Keyboard.TypeAsync("Marie");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("Dupont");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("85.07.30-033.29");
        Assert.Equal(400, await PressAndFollowAsync("Enter"));

        var summary = Page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("Le numéro de registre national n'est pas valide");
        await Axe.AssertNoViolationsAsync(Page);
        await TabUntilFocusedAsync(summary.GetByRole(AriaRole.Link));
        await Page.Keyboard.PressAsync("Enter");
        var number = Page.GetByLabel("Numéro de registre national", new() { Exact = true });
        await Expect(number).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync("85.07.30-033.28");
        Assert.Equal(302, await PressAndFollowAsync("Enter"));

        await Expect(Heading).ToHaveTextAsync("Contact et horaires");
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/e-guichet/connexion")));
        await Expect(Page.GetByText("Vous êtes identifié·e comme Marie Dupont.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }
}
