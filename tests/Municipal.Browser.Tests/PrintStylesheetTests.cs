using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>A page printed: the content without the site's navigation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintStylesheetTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    [Theory]
    [MemberData(nameof(DemoPages.All), MemberType = typeof(DemoPages))]
    public async Task Printed_page_hides_the_navigation_and_keeps_the_h1(string path)
    {
        Assert.Equal(DemoPages.ExpectedStatus(path), await GotoAsync(fixture.Tenant.Url(path)));
        var mainMenu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale", Exact = true });
        var footerMenu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Liens utiles", Exact = true });
        var h1 = Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(mainMenu).ToBeVisibleAsync();

        await Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });

        await Expect(mainMenu).ToBeHiddenAsync();
        await Expect(footerMenu).ToBeHiddenAsync();
        await Expect(h1).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeVisibleAsync();
    }
}
