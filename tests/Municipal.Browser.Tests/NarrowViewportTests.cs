using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;

namespace Municipal.Browser.Tests;

/// <summary>WCAG 1.4.10 (reflow): at 320 CSS pixels wide, nothing scrolls sideways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NarrowViewportTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    protected override ViewportSize? Viewport => new() { Width = 320, Height = 640 };

    [Theory]
    [InlineData("/")]
    [InlineData("/demarches/carte-identite")]
    [InlineData("/accessibilite")]
    public async Task Page_does_not_scroll_horizontally_at_320_pixels(string path)
    {
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url(path)));

        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.Equal(320, clientWidth);
        Assert.True(scrollWidth <= clientWidth, $"{path} is {scrollWidth} px wide in a {clientWidth} px viewport: it scrolls horizontally.");
    }
}
