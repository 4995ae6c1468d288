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

        var width = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.Equal(320, width[1]);
        Assert.True(width[0] <= width[1], $"{path} is {width[0]} px wide in a {width[1]} px viewport: it scrolls horizontally.");
    }
}
