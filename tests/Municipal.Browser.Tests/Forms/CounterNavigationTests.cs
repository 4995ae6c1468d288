using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Forms;

/// <summary>
/// A citizen who lost the e-counter's mail, by keyboard alone, on a desktop and on a phone: from any page of the demo
/// municipality to "Suivre ma demande", then to "E-guichet" (both in every page's header), filters the forms by name,
/// finds the form under its topic and opens its procedure page, where the form starts. axe finds nothing on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CounterNavigationTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    private const string ServiceNavigation = "Services en ligne";

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task From_any_page_a_citizen_reaches_the_follow_up_and_the_counter_and_opens_a_form_found_under_its_topic(int width)
    {
        await Page.SetViewportSizeAsync(width, 800);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/vivre-a-valmont/environnement/dechets")));

        await FollowServiceLinkAsync("Suivre ma demande", "/e-guichet/suivi");
        await FollowServiceLinkAsync("E-guichet", "/e-guichet");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("E-guichet");

        // The filter: a GET form, sent with Enter from its field.
        await TabUntilFocusedAsync(Page.GetByLabel("Rechercher une démarche par son nom", new() { Exact = true }));
        await Page.Keyboard.TypeAsync("résidence");
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByText("1 démarche en ligne correspond à « résidence ».")).ToBeVisibleAsync();
        await AssertFitsAsync(width);

        // The form under its topic, then its procedure page with the form's first step.
        var topic = Page.GetByRole(AriaRole.Region, new() { Name = "État civil et population", Exact = true });
        var form = topic.GetByRole(AriaRole.Link, new() { Name = "Demande de certificat de résidence", Exact = true });
        await TabUntilFocusedAsync(form);
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Page).ToHaveURLAsync(fixture.Tenant.Url("/demarches/certificat-de-residence"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Demande de certificat de résidence", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    /// <summary>Tab to a link of the header's "Services en ligne", Enter: its page, marked current there, with no axe violation.</summary>
    private async Task FollowServiceLinkAsync(string label, string path)
    {
        var link = Page.GetByRole(AriaRole.Navigation, new() { Name = ServiceNavigation, Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
        await TabUntilFocusedAsync(link, maxPresses: 10);
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Page).ToHaveURLAsync(fixture.Tenant.Url(path));
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = ServiceNavigation, Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Axe.AssertNoViolationsAsync(Page);
    }

    private async Task AssertFitsAsync(int width)
    {
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page scrolls sideways at {width} px ({scrollWidth} px wide).");
        await Axe.AssertNoViolationsAsync(Page);
    }
}
