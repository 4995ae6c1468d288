using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Content;
using Municipal.Core.Display;
using Municipal.Core.Tenancy;
using Municipal.Events.Model;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Events;

/// <summary>
/// Issue 14, by keyboard alone at 1280 and 375 px: a citizen on /agenda picks "Ce week-end" and "Gratuit", sends the
/// GET form, finds the one free event of the weekend and opens its page. axe finds nothing on the agenda with results,
/// empty, with the error summary, nor on the event page; no page scrolls sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgendaTests(MunicipalServer server, AgendaTenantFixture fixture)
    : BrowserTest(server), IClassFixture<AgendaTenantFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_citizen_finds_this_weekends_free_event_by_keyboard_and_opens_its_page(int width)
    {
        await Page.SetViewportSizeAsync(width, 800);
        var blocked = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/agenda")));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "3 dates trouvées", Exact = true })).ToBeVisibleAsync();
        await AssertFitsAsync();

        // The period's radios are one stop: Tab reaches the checked one, the arrows move the choice.
        await TabUntilFocusedAsync(Page.GetByLabel("Toutes les dates à venir", new() { Exact = true }));
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.GetByLabel("Ce week-end", new() { Exact = true })).ToBeCheckedAsync();
        // Past the date fields (a stop per part of the date), the lists, to the checkbox.
        await TabUntilFocusedAsync(Page.GetByLabel("Gratuit", new() { Exact = true }), maxPresses: 25);
        await Page.Keyboard.PressAsync("Space");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Afficher les dates", Exact = true }), maxPresses: 5);
        Assert.Equal(200, await PressAndFollowAsync("Enter"));

        Assert.Contains("periode=weekend", Page.Url, StringComparison.Ordinal);
        Assert.Contains("gratuit=1", Page.Url, StringComparison.Ordinal);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "1 date trouvée", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = fixture.WeekendHeading, Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Concert payant", Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.GetByLabel("Ce week-end", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Gratuit", new() { Exact = true })).ToBeCheckedAsync();
        await AssertFitsAsync();

        var link = Page.GetByRole(AriaRole.Link, new() { Name = "Marché gratuit", Exact = true });
        await TabUntilFocusedAsync(link);
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Page).ToHaveURLAsync(fixture.Tenant.Url("/evenements/marche-gratuit"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Marché gratuit");
        await Expect(Page.GetByText("Entrée gratuite", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Voir sur la carte", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter à mon agenda", Exact = true })).ToHaveAttributeAsync("href", "/evenements/marche-gratuit.ics");
        await AssertFitsAsync();

        // The JSON-LD is a data block: the site's CSP (script-src 'self') has nothing to block.
        Assert.Equal(1, await Page.Locator("script[type='application/ld+json']").CountAsync());
        Assert.Empty(blocked);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_empty_agenda_the_error_summary_and_a_cancelled_event_have_no_axe_violation(int width)
    {
        await Page.SetViewportSizeAsync(width, 800);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/agenda?categorie=cinema")));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Aucune date trouvée", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Retirer le filtre « Cinéma »", Exact = true })).ToBeVisibleAsync();
        await AssertFitsAsync();

        Assert.Equal(400, await GotoAsync(fixture.Tenant.Url("/agenda?periode=dates&du=2026-13-45")));
        var summary = Page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertFitsAsync();

        // The summary's link leads to the field, by keyboard.
        await TabUntilFocusedAsync(summary.GetByRole(AriaRole.Link));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByLabel("Du", new() { Exact = true })).ToBeFocusedAsync();

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/evenements/conference-annulee")));
        await Expect(Page.GetByText("Cet événement est annulé.", new() { Exact = true })).ToBeVisibleAsync();
        await AssertFitsAsync();
    }

    private async Task AssertFitsAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide in a {widths[1]} px viewport.");
        await Axe.AssertNoViolationsAsync(Page);
    }
}

/// <summary>
/// A municipality with three events, dated from the host's clock: a free market and a paid concert on this weekend's
/// first day still ahead (Saturday, or today if it is Sunday), and a cancelled conference three days later.
/// </summary>
public sealed class AgendaTenantFixture(MunicipalServer server) : IAsyncLifetime
{
    private TestTenant? tenant;

    public TestTenant Tenant => tenant ?? throw new InvalidOperationException("The tenant is not provisioned yet.");

    public string WeekendHeading { get; private set; } = "";

    public async Task InitializeAsync()
    {
        tenant = await server.CreateTenantAsync("agenda", "Commune de Valmont", "municipality");
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = BrusselsTime.Date(now);
        var day = today.DayOfWeek == DayOfWeek.Sunday ? today : today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7);
        WeekendHeading = day.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-BE"));
        var later = day.AddDays(3);

        var registry = server.Services.GetRequiredService<TenantRegistry>();
        registry.Invalidate();
        var found = await registry.FindAsync(Tenant.Name) ?? throw new InvalidOperationException("No tenant.");
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(found);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await PublishAsync(manager, "marche-gratuit", Event("Marché gratuit", day, 23, "marche") with
        {
            Admission = new(Free: true),
            Venue = new("Place communale", "Place communale", "1", null, "6000", "Valmont", 50.41, 4.44),
        });
        await PublishAsync(manager, "concert-payant", Event("Concert payant", day, 23, "concert") with { Admission = new(false, "10 €") });
        await PublishAsync(manager, "conference-annulee", Event("Conférence annulée", later, 20, "conference") with
        {
            Admission = new(Free: true),
            StatusChanges = [new OccurrenceStatus(later, EventStatus.Cancelled)],
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static EventContent Event(string title, DateOnly day, int hour, string category) =>
        new(title, "Résumé : " + title, RichText.FromMarkdown("Tout sur " + title + "."),
            new EventSchedule(day.ToDateTime(new TimeOnly(hour, 0)), day.ToDateTime(new TimeOnly(hour, 45))), category);

    private static Task<ContentItemRecord> PublishAsync(ContentManager manager, string slug, EventContent content) =>
        manager.SaveAndPublishAsync(new ContentDraft(EventTypes.Event, null, content.Title, EventTypes.EventPath + "/" + slug, ContentStore.Serialize(content)), "test@x.be");
}
