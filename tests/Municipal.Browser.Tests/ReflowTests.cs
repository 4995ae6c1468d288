using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;

namespace Municipal.Browser.Tests;

/// <summary>
/// WCAG 1.4.10 (reflow): nothing scrolls sideways at 320 CSS pixels wide, nor at 1280 pixels zoomed to 200 %
/// (a viewport of 640 CSS pixels), on every page type of the sample municipality.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflowTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    /// <summary>320 px: the width WCAG names; 640 px: what a 1280 px wide window shows at 200 % zoom.</summary>
    public static TheoryData<int, string> WidthsAndPages
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (var width in new[] { 320, 640 })
            {
                foreach (var path in DemoPages.Paths)
                {
                    data.Add(width, path);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(WidthsAndPages))]
    public async Task Page_does_not_scroll_horizontally(int width, string path)
    {
        await Page.SetViewportSizeAsync(width, 800);
        Assert.Equal(DemoPages.ExpectedStatus(path), await GotoAsync(fixture.Tenant.Url(path)));

        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.Equal(width, clientWidth);
        if (scrollWidth > clientWidth)
        {
            Assert.Fail($"{path} is {scrollWidth} px wide in a {clientWidth} px viewport: it scrolls horizontally. Past the right edge: {await OverflowingElementsAsync()}");
        }
    }

    /// <summary>The elements that reach past the right edge of the viewport, for the failure message.</summary>
    private Task<string> OverflowingElementsAsync() => Page.EvaluateAsync<string>("""
        () => [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 10)
            .map(e => `<${e.tagName.toLowerCase()}${e.className ? ` class="${e.className}"` : ''}> right=${Math.round(e.getBoundingClientRect().right)}`)
            .join(', ')
        """);
}
