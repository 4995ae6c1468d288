using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Security;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>
/// The open sessions on /admin/compte: listed in a table without axe violation, one closed and then all of them
/// by keyboard alone; the other browser is sent back to the sign-in page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountSessionsTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task A_user_closes_another_session_then_signs_out_everywhere_by_keyboard_alone()
    {
        // A user of their own: signing out everywhere must not end the sessions of the class's other tests.
        var (email, password) = await Server.CreateUserAsync(fixture.Tenant, TenantRoles.Editor);
        await using var elsewhere = await Server.NewContextAsync();
        var other = await elsewhere.NewPageAsync();
        await other.GotoAsync(fixture.Tenant.Url("/admin/connexion"));
        await other.GetByLabel("Adresse e-mail", new() { Exact = true }).FillAsync(email);
        await other.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await other.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tableau de bord");

        await SignInAsync(fixture.Tenant, email, password);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/compte")));
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Vos sessions ouvertes" });
        var sessions = table.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Button) });
        await Expect(sessions).ToHaveCountAsync(2);
        await Expect(sessions.Filter(new() { HasText = "(cette session)" })).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(Page);

        // The other browser's session, by its button's name, which says which session it closes.
        var otherRow = sessions.Filter(new() { HasNotText = "(cette session)" });
        await TabUntilFocusedAsync(otherRow.GetByRole(AriaRole.Button, new() { Name = "Fermer cette session" }), maxPresses: 80);
        await PressAndFollowAsync("Enter");
        await Expect(Heading).ToHaveTextAsync("Mon compte");
        var notice = Page.Locator("[data-notice]");
        await Expect(notice).ToHaveTextAsync("La session a été fermée.");
        await Expect(notice).ToBeFocusedAsync();
        await Expect(sessions).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(Page);

        await other.ReloadAsync();
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Connexion");

        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter partout" }), maxPresses: 80);
        await PressAndFollowAsync("Enter");
        await Expect(Heading).ToHaveTextAsync("Connexion");
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/compte")));
        await Expect(Heading).ToHaveTextAsync("Connexion");
    }
}
