using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>WCAG 2.4.7 (focus visible): a link of the main content shows when it has the keyboard focus.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FocusVisibleTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    /// <summary>The focus indicator of an element: its computed outline and box shadow.</summary>
    private const string FocusStyle = "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }";

    [Theory]
    [InlineData(DemoPages.Home)]
    [InlineData(DemoPages.ParentPage)]
    [InlineData(DemoPages.NewsList)]
    [InlineData(DemoPages.Accessibility)]
    public async Task Each_link_of_the_main_content_shows_its_keyboard_focus(string path)
    {
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url(path)));
        var links = await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link).AllAsync();
        Assert.True(links.Count > 0, $"{path} has no link in its main content.");

        foreach (var link in links)
        {
            var unfocused = await link.EvaluateAsync<string[]>(FocusStyle);
            await TabUntilFocusedAsync(link, maxPresses: 60);
            await Expect(link).ToBeFocusedAsync();
            var focused = await link.EvaluateAsync<string[]>(FocusStyle);

            var (outlineStyle, outlineWidth, boxShadow) = (focused[0], focused[1], focused[2]);
            var hasOutline = outlineStyle != "none" && outlineWidth != "0px";
            var hasShadow = boxShadow != "none";
            var name = await link.InnerTextAsync();
            Assert.True(hasOutline || hasShadow, $"« {name} » on {path} has the focus but no outline (style {outlineStyle}, width {outlineWidth}) and no box shadow.");
            Assert.False(focused.SequenceEqual(unfocused), $"« {name} » on {path} looks the same with and without the focus ({string.Join(", ", focused)}).");
        }
    }
}
