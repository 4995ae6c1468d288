using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>The two kinds of 404: a host no tenant has, and a path a tenant does not have.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotFoundTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    [Fact]
    public async Task An_unknown_host_gets_the_plain_french_404_page()
    {
        var url = new Uri(Server.SiteUrl("nobody.localhost"), "/contact").ToString();

        Assert.Equal(404, await GotoAsync(url));

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(Page).ToHaveTitleAsync("Site introuvable");
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Site introuvable");
        await Expect(Page.GetByText("Aucun site communal n'est configuré pour cette adresse.")).ToBeVisibleAsync();
        // Plain: no tenant's layout, so no menu and nothing of the tenant's name.
        await Expect(Page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await Expect(Page.GetByText(fixture.Tenant.DisplayName)).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Fact]
    public async Task A_missing_page_of_a_tenant_gets_its_404_page_without_axe_violations()
    {
        Assert.Equal(404, await GotoAsync(fixture.Tenant.Url("/nexiste-pas")));

        var h1 = Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(h1).ToHaveCountAsync(1);
        await Expect(h1).ToHaveTextAsync("Page introuvable");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Retour à l'accueil", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }
}
