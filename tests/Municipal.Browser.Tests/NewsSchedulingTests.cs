using System.Globalization;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Security;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>
/// Issue 13: "a news article dated tomorrow is published today". An officer sets tomorrow's date by keyboard, the
/// publish button says "Programmer pour le … à 8 h", pressing it schedules the article, which the public home page
/// and news list do not show, and the content list shows as scheduled. axe on the editor; at 1280 and 375 px.
/// </summary>
public abstract class NewsSchedulingTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    [Fact]
    public async Task An_article_dated_tomorrow_by_keyboard_is_scheduled_by_the_publish_button_and_stays_off_the_public_site()
    {
        const string Title = "Le conseil adopte le budget";
        var (email, password) = await Server.CreateUserAsync(fixture.Tenant, TenantRoles.Editor);
        await SignInAsync(fixture.Tenant, email, password);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/contenus/nouveau?type=NewsArticle")));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et publier", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        // Today as the host's clock has it (Brussels), from the page itself.
        var today = DateOnly.ParseExact((await Page.Locator("[data-today]").GetAttributeAsync("data-today"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = today.AddDays(1);

        await TabUntilFocusedAsync(Page.GetByLabel("Titre", new() { Exact = true }));
        await Page.Keyboard.TypeAsync(Title);
        var date = Page.GetByLabel("Date de l'actualité", new() { Exact = true });
        await TabUntilFocusedAsync(date);
        await TypeDateAsync(date, today, tomorrow);

        var day = tomorrow.ToString(tomorrow.Year == today.Year ? "d MMMM" : "d MMMM yyyy", French);
        var schedule = Page.GetByRole(AriaRole.Button, new() { Name = $"Programmer pour le {day} à 8 h", Exact = true });
        await Expect(schedule).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et publier", Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.GetByLabel("Heure de mise en ligne (facultatif)", new() { Exact = true })).ToHaveValueAsync("08:00");
        await AssertNoSidewaysScrollAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await TabUntilFocusedAsync(schedule);
        await PressAndFollowAsync("Enter");
        await Expect(Page.Locator("[data-notice]")).ToContainTextAsync("La programmation a été enregistrée.");
        await Expect(Page.Locator(".summary-list")).ToContainTextAsync("Programmé");
        await Expect(Page.Locator(".summary-list")).ToContainTextAsync($"Publication programmée le {tomorrow.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} à 08:00");
        // The page loads with the server's text on the button, and the other scheduling form is at hand.
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = $"Programmer pour le {day} à 8 h", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Programmer", Exact = true })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await using var visitorContext = await Server.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        Assert.Equal(200, (await visitor.GotoAsync(fixture.Tenant.Url("/")))!.Status);
        await Expect(visitor.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(Title);
        Assert.Equal(200, (await visitor.GotoAsync(fixture.Tenant.Url("/actualites")))!.Status);
        await Expect(visitor.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(Title);
        Assert.Equal(404, (await visitor.GotoAsync(fixture.Tenant.Url("/actualites/le-conseil-adopte-le-budget")))!.Status);

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/contenus?statut=programme")));
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = Title, Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Each_topic_and_audience_box_has_its_label_beside_it_on_the_same_line()
    {
        var (email, password) = await Server.CreateUserAsync(fixture.Tenant, TenantRoles.Editor);
        await SignInAsync(fixture.Tenant, email, password);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/contenus/nouveau?type=NewsArticle")));

        foreach (var group in new[] { "Thèmes", "Publics" })
        {
            var boxes = Page.GetByRole(AriaRole.Group, new() { Name = group + " (facultatif)", Exact = true }).GetByRole(AriaRole.Checkbox);
            Assert.True(await boxes.CountAsync() >= 2, $"The group « {group} » has too few terms to test.");
            foreach (var box in await boxes.AllAsync())
            {
                var id = await box.GetAttributeAsync("id");
                var boxRect = (await box.BoundingBoxAsync())!;
                var labelRect = (await Page.Locator($"label[for='{id}']").BoundingBoxAsync())!;
                Assert.True(labelRect.X >= boxRect.X + boxRect.Width, $"The label of {id} starts at {labelRect.X}, left of its box's right edge {boxRect.X + boxRect.Width}.");
                Assert.True(labelRect.Y < boxRect.Y + boxRect.Height && labelRect.Y + labelRect.Height > boxRect.Y, $"The label of {id} ({labelRect.Y}–{labelRect.Y + labelRect.Height}) is not on its box's line ({boxRect.Y}–{boxRect.Y + boxRect.Height}).");
            }

            // By keyboard: Space on a focused box checks it, its label says which.
            await TabUntilFocusedAsync(boxes.First, maxPresses: 80);
            await Page.Keyboard.PressAsync("Space");
            await Expect(boxes.First).ToBeCheckedAsync();
        }

        await AssertNoSidewaysScrollAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    /// <summary>
    /// Types a date into a focused date input as a person does, in the order of its parts on screen, which follows
    /// the browser's language (day first in French, month first in English): two digits typed into the first part
    /// (which holds today's date) show which part it is; Left goes back to it, and the digits are typed in that order.
    /// </summary>
    private async Task TypeDateAsync(ILocator input, DateOnly today, DateOnly date)
    {
        var probe = Enumerable.Range(1, 3).First(n => n != today.Month && n != today.Day);
        await Page.Keyboard.TypeAsync(probe.ToString("00", CultureInfo.InvariantCulture));
        var monthFirst = (await input.InputValueAsync())[5..7] == probe.ToString("00", CultureInfo.InvariantCulture);
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Page.Keyboard.TypeAsync(date.ToString(monthFirst ? "MMddyyyy" : "ddMMyyyy", CultureInfo.InvariantCulture));
        await Expect(input).ToHaveValueAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private async Task AssertNoSidewaysScrollAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page scrolls sideways: {widths[0]} px of content in {widths[1]} px.");
    }
}

[Collection(BrowserCollection.Name)]
public sealed class NewsSchedulingWideTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : NewsSchedulingTests(server, fixture), IClassFixture<MunicipalityTenantFixture>
{
    protected override ViewportSize? Viewport => new() { Width = 1280, Height = 800 };
}

[Collection(BrowserCollection.Name)]
public sealed class NewsSchedulingNarrowTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : NewsSchedulingTests(server, fixture), IClassFixture<MunicipalityTenantFixture>
{
    protected override ViewportSize? Viewport => new() { Width = 375, Height = 800 };
}
