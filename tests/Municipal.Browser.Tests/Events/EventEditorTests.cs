using System.Globalization;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Events;

/// <summary>
/// Issue 14, as an officer meets it, by keyboard, at 1280 and 375 px: a market every Saturday until a date, made with
/// the plain recurrence controls and published; the edit page says the rule in words and lists the next ten dates,
/// each with its status; one date cancelled by keyboard stays cancelled. axe on the way, no sideways scrolling.
/// </summary>
public abstract class EventEditorTests(MunicipalServer server, MunicipalityTenantFixture fixture) : BrowserTest(server)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    private ILocator Publish => Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et publier", Exact = true });

    [Fact]
    public async Task A_market_every_Saturday_is_made_by_keyboard_said_in_words_and_one_of_its_next_ten_dates_is_cancelled()
    {
        await SignInAsync(fixture.Tenant, fixture.Tenant.AdminEmail, fixture.Tenant.AdminPassword);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/contenus/nouveau?type=Event")));
        await Axe.AssertNoViolationsAsync(Page);

        // Today as the host's clock has it (Brussels), from the page itself; a Saturday one to two weeks ahead.
        var today = DateOnly.ParseExact((await Page.Locator("[data-today]").GetAttributeAsync("data-today"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var first = today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7 + 7);
        var until = first.AddDays(7 * 11);

        await TabUntilFocusedAsync(Page.GetByLabel("Titre", new() { Exact = true }));
        await Page.Keyboard.TypeAsync("Marché du samedi");
        var category = Page.GetByLabel("Catégorie", new() { Exact = true });
        await TabUntilFocusedAsync(category);
        await Page.Keyboard.TypeAsync("M");
        await Expect(category).ToHaveValueAsync("marche");

        var start = Page.GetByLabel("Date de début", new() { Exact = true });
        await TabUntilFocusedAsync(start);
        await TypeDateAsync(start, first);
        await TabUntilFocusedAsync(Page.GetByLabel("Heure de début (facultatif)", new() { Exact = true }), maxPresses: 3);
        await Page.Keyboard.TypeAsync("1500");
        await TabUntilFocusedAsync(Page.GetByLabel("Heure de fin (facultatif)", new() { Exact = true }), maxPresses: 6);
        await Page.Keyboard.TypeAsync("1800");

        var repeat = Page.GetByLabel("Se répète (facultatif)", new() { Exact = true });
        await TabUntilFocusedAsync(repeat, maxPresses: 6);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(repeat).ToHaveValueAsync("weekly");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Checkbox, new() { Name = "samedi", Exact = true }), maxPresses: 10);
        await Page.Keyboard.PressAsync("Space");
        var end = Page.GetByLabel("Fin de la répétition (facultatif)", new() { Exact = true });
        await TabUntilFocusedAsync(end, maxPresses: 4);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(end).ToHaveValueAsync("until");
        var last = Page.GetByLabel("Jusqu'au (facultatif)", new() { Exact = true });
        await TabUntilFocusedAsync(last, maxPresses: 4);
        await TypeDateAsync(last, until);
        await AssertNoSidewaysScrollAsync();

        await TabUntilFocusedAsync(Publish, maxPresses: 80);
        await PressAndFollowAsync("Enter");
        await Expect(Page.Locator("[data-notice]")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync($"Chaque samedi, jusqu'au {until.ToString("d MMMM yyyy", French)}");
        var dates = Page.GetByRole(AriaRole.Group, new() { Name = "Prochaines dates", Exact = true }).GetByRole(AriaRole.Combobox);
        await Expect(dates).ToHaveCountAsync(10);
        for (var week = 0; week < 10; week++)
        {
            await Expect(Page.GetByLabel($"{first.AddDays(7 * week).ToString("dddd d MMMM yyyy", French)} de 15 h à 18 h", new() { Exact = true })).ToHaveValueAsync("Scheduled");
        }

        await AssertNoSidewaysScrollAsync();
        await Axe.AssertNoViolationsAsync(Page);

        // The second Saturday is cancelled, by keyboard, and stays so once published again.
        var second = Page.GetByLabel($"{first.AddDays(7).ToString("dddd d MMMM yyyy", French)} de 15 h à 18 h", new() { Exact = true });
        await TabUntilFocusedAsync(second, maxPresses: 90);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(second).ToHaveValueAsync("Cancelled");
        await TabUntilFocusedAsync(Publish, maxPresses: 20);
        await PressAndFollowAsync("Enter");
        await Expect(Page.Locator("[data-notice]")).ToBeVisibleAsync();
        await Expect(second).ToHaveValueAsync("Cancelled");
        await Expect(Page.GetByLabel($"{first.ToString("dddd d MMMM yyyy", French)} de 15 h à 18 h", new() { Exact = true })).ToHaveValueAsync("Scheduled");
        await Axe.AssertNoViolationsAsync(Page);
    }

    /// <summary>
    /// Types a date in an empty date input, in the order the browser shows its parts: probed with 1 February 2000
    /// (day first gives 2000-02-01), then back to the first part for the date itself.
    /// </summary>
    private async Task TypeDateAsync(ILocator input, DateOnly date)
    {
        await Page.Keyboard.TypeAsync("01022000");
        var dayFirst = await input.InputValueAsync() == "2000-02-01";
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Page.Keyboard.TypeAsync(date.ToString(dayFirst ? "ddMMyyyy" : "MMddyyyy", CultureInfo.InvariantCulture));
        await Expect(input).ToHaveValueAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private async Task AssertNoSidewaysScrollAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page scrolls sideways: {widths[0]} px of content in {widths[1]} px.");
    }
}

[Collection(BrowserCollection.Name)]
public sealed class EventEditorWideTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : EventEditorTests(server, fixture), IClassFixture<MunicipalityTenantFixture>
{
    protected override ViewportSize? Viewport => new() { Width = 1280, Height = 800 };
}

[Collection(BrowserCollection.Name)]
public sealed class EventEditorNarrowTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : EventEditorTests(server, fixture), IClassFixture<MunicipalityTenantFixture>
{
    protected override ViewportSize? Viewport => new() { Width = 375, Height = 800 };
}
