using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Events.Model;
using Municipal.Pages.Model;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Events.EventTestData;

namespace Municipal.Web.Tests.Events;

/// <summary>
/// Issue 14: the event page (dates in words, next dates of a recurring event from the index with the cancelled ones
/// marked, venue and map link, "Ajouter à mon agenda", schema.org JSON-LD), and the home page's "Agenda" block.
/// </summary>
public abstract class EventPageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private async Task<(string Name, HttpClient Visitor)> TenantAsync()
    {
        var name = fixture.NewTenantName("evenement");
        await fixture.CreateTenantAsync(name, displayName: "Commune de Valmont");
        return (name, fixture.ClientFor($"{name}.localhost"));
    }


    [Fact]
    public async Task The_event_page_says_the_date_in_words_the_venue_with_its_map_link_and_the_practical_details()
    {
        var (name, visitor) = await TenantAsync();
        var clock = fixture.Clock;
        var day = Brussels.Today(clock).AddDays(5);
        var content = Event("Concert de printemps", Local(clock, 5, 15), Local(clock, 5, 18)) with
        {
            Image = new ImagePart("https://images.example/concert.jpg", "L’orchestre sur le kiosque"),
            Taxonomy = new(["vie-communale"], ["parent"]),
            Venue = new("Kiosque du parc", "Rue du Parc", "12", null, "5000", "Namur", 50.4669, 4.8675),
            Organiser = new("Harmonie de Valmont", "harmonie@valmont.be", "081 00 00 00"),
            Admission = new(Free: true, TicketUrl: "https://billets.example/concert"),
            Accessible = true,
        };
        await SaveAsync(fixture.App.Services, name, "concert-printemps", content);

        var html = await PageAsync(visitor, "/evenements/concert-printemps");

        Assert.Contains("<h1 id=\"page-title\">Concert de printemps</h1>", html, StringComparison.Ordinal);
        Assert.Contains($">{Day(day)} de 15 h à 18 h</time>", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"lead-image\" src=\"https://images.example/concert.jpg\" alt=\"L’orchestre sur le kiosque\">", html, StringComparison.Ordinal);
        Assert.Contains("Le programme de Concert de printemps.", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Concert</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Parent</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Vie communale</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Rue du Parc 12", html, StringComparison.Ordinal);
        Assert.Contains("5000 Namur", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.openstreetmap.org/?mlat=50.4669&mlon=4.8675#map=17/50.4669/4.8675\">Voir sur la carte</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:harmonie@valmont.be\">harmonie@valmont.be</a>", html, StringComparison.Ordinal);
        Assert.Contains("Entrée gratuite", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://billets.example/concert\">", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Accessible aux personnes à mobilité réduite</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/evenements/concert-printemps.ics\" download>Ajouter à mon agenda</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("event-notice", html, StringComparison.Ordinal);

        var json = JsonLd(html);
        Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
        Assert.Equal("Event", json.GetProperty("@type").GetString());
        Assert.Equal("Concert de printemps", json.GetProperty("name").GetString());
        var offset = Brussels.Zone.GetUtcOffset(Local(clock, 5, 15));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        Assert.Equal($"{Brussels.IsoDate(day)}T15:00:00{sign}{offset:hh\\:mm}", json.GetProperty("startDate").GetString());
        Assert.Equal($"{Brussels.IsoDate(day)}T18:00:00{sign}{offset:hh\\:mm}", json.GetProperty("endDate").GetString());
        Assert.Equal("https://schema.org/EventScheduled", json.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", json.GetProperty("eventAttendanceMode").GetString());
        var location = json.GetProperty("location");
        Assert.Equal("Place", location.GetProperty("@type").GetString());
        Assert.Equal("Kiosque du parc", location.GetProperty("name").GetString());
        Assert.Equal("PostalAddress", location.GetProperty("address").GetProperty("@type").GetString());
        Assert.Equal("5000", location.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal("Rue du Parc 12", location.GetProperty("address").GetProperty("streetAddress").GetString());
        Assert.Equal(50.4669, location.GetProperty("geo").GetProperty("latitude").GetDouble());
        Assert.Equal("Harmonie de Valmont", json.GetProperty("organizer").GetProperty("name").GetString());
        Assert.True(json.GetProperty("isAccessibleForFree").GetBoolean());
        Assert.Equal(0, json.GetProperty("offers").GetProperty("price").GetInt32());
        Assert.Equal("https://billets.example/concert", json.GetProperty("offers").GetProperty("url").GetString());
        Assert.Equal("https://images.example/concert.jpg", json.GetProperty("image").GetString());
        Assert.Equal("Résumé de Concert de printemps", json.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Whole_days_open_ends_and_several_days_are_said_in_words_and_an_online_event_is_a_virtual_location()
    {
        var (name, visitor) = await TenantAsync();
        var clock = fixture.Clock;
        var services = fixture.App.Services;
        await SaveAsync(services, name, "braderie", Event("Braderie", Local(clock, 6, 0), Local(clock, 7, 0), wholeDay: true, category: "marche"));
        await SaveAsync(services, name, "soiree", Event("Soirée", Local(clock, 6, 15)) with { OnlineUrl = "https://visio.example/soiree" });
        await SaveAsync(services, name, "stage", Event("Stage", Local(clock, 6, 9), Local(clock, 8, 17)));

        var today = Brussels.Today(clock);
        var braderie = await PageAsync(visitor, "/evenements/braderie");
        Assert.Contains($">du {Day(today.AddDays(6))} au {Day(today.AddDays(7))}</time>", braderie, StringComparison.Ordinal);
        Assert.Equal(Brussels.IsoDate(today.AddDays(7)), JsonLd(braderie).GetProperty("endDate").GetString());
        Assert.Equal(Brussels.IsoDate(today.AddDays(6)), JsonLd(braderie).GetProperty("startDate").GetString());

        var soiree = await PageAsync(visitor, "/evenements/soiree");
        Assert.Contains($">{Day(today.AddDays(6))} à partir de 15 h</time>", soiree, StringComparison.Ordinal);
        var json = JsonLd(soiree);
        Assert.Equal("https://schema.org/OnlineEventAttendanceMode", json.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("VirtualLocation", json.GetProperty("location").GetProperty("@type").GetString());
        Assert.False(json.TryGetProperty("endDate", out _));
        Assert.Equal("Commune de Valmont", json.GetProperty("organizer").GetProperty("name").GetString());

        var stage = await PageAsync(visitor, "/evenements/stage");
        Assert.Contains($">du {Day(today.AddDays(6))} à 9 h au {Day(today.AddDays(8))} à 17 h</time>", stage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_event_says_so_at_the_top_in_the_agenda_and_in_its_JSON_LD()
    {
        var (name, visitor) = await TenantAsync();
        var clock = fixture.Clock;
        var day = Brussels.Today(clock).AddDays(4);
        await SaveAsync(fixture.App.Services, name, "fete", Event("Fête de quartier", Local(clock, 4, 14), Local(clock, 4, 22), category: "fete") with
        {
            StatusChanges = [new OccurrenceStatus(day, EventStatus.Cancelled)],
        });

        var html = await PageAsync(visitor, "/evenements/fete");
        Assert.Contains("<p class=\"event-notice\"><strong>Cet événement est annulé.</strong></p>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("event-notice", StringComparison.Ordinal) < html.IndexOf("class=\"event-when\"", StringComparison.Ordinal));
        Assert.Equal("https://schema.org/EventCancelled", JsonLd(html).GetProperty("eventStatus").GetString());
        Assert.Contains("Fête de quartier</a> <strong class=\"agenda-status\">Annulé</strong>", await PageAsync(visitor, "/agenda"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recurring_event_lists_its_next_dates_from_the_index_with_the_cancelled_one_marked()
    {
        var (name, visitor) = await TenantAsync();
        var clock = fixture.Clock;
        var today = Brussels.Today(clock);
        await SaveAsync(fixture.App.Services, name, "marche", Event("Marché du samedi", Local(clock, 1, 8), Local(clock, 1, 13), category: "marche") with
        {
            Schedule = new EventSchedule(Local(clock, 1, 8), Local(clock, 1, 13), Recurrence: "FREQ=WEEKLY;COUNT=4"),
            StatusChanges = [new OccurrenceStatus(today.AddDays(8), EventStatus.Cancelled)],
        });

        var html = await PageAsync(visitor, "/evenements/marche");

        Assert.Contains("<h2>Prochaines dates</h2>", html, StringComparison.Ordinal);
        foreach (var week in new[] { 1, 8, 15, 22 })
        {
            Assert.Contains($">{Day(today.AddDays(week))} de 8 h à 13 h</time>", html, StringComparison.Ordinal);
        }

        Assert.Contains($">{Day(today.AddDays(8))} de 8 h à 13 h</time> <strong class=\"agenda-status\">Annulé</strong>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "agenda-status\">Annulé"));
        Assert.DoesNotContain("event-notice", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"event-when\"", html, StringComparison.Ordinal);

        // Three weeks later, the past dates are gone from the page.
        clock.Advance(TimeSpan.FromDays(16));
        await SaveAsync(fixture.App.Services, name, "autre", Event("Autre", Local(clock, 1, 8))); // evicts the cached pages
        var later = await PageAsync(visitor, "/evenements/marche");
        Assert.DoesNotContain($">{Day(today.AddDays(8))} de 8 h", later, StringComparison.Ordinal);
        Assert.Contains($">{Day(today.AddDays(22))} de 8 h à 13 h</time>", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_block_Agenda_lists_the_next_events_and_links_to_the_whole_agenda()
    {
        var (name, visitor) = await TenantAsync();
        var clock = fixture.Clock;
        var services = fixture.App.Services;
        await SaveAsync(services, name, "premier", Event("Premier rendez-vous", Local(clock, 1, 10), Local(clock, 1, 12)));
        await SaveAsync(services, name, "second", Event("Second rendez-vous", Local(clock, 2, 10), Local(clock, 2, 12)));
        await SaveAsync(services, name, "troisieme", Event("Troisième rendez-vous", Local(clock, 3, 10), Local(clock, 3, 12)));
        await using (var scope = await StorageFixture.TenantScopeAsync(services, name))
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var home = await store.GetPublishedAsync("home") ?? throw new InvalidOperationException("no home page");
            var content = ContentStore.Read<HomePageContent>(home);
            // The recipe's own Agenda block (four events) gives way to one of two.
            var changed = content with { Blocks = [.. content.Blocks.Where(b => b is not ListBlock { Kind: "nextEvents" }), new ListBlock("nextEvents", "Agenda", 2)] };
            await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveAndPublishAsync(
                new ContentDraft(home.ContentType, home.ContentItemId, home.DisplayText, home.Path, ContentStore.Serialize(changed)), "test@x.be");
        }

        var html = await PageAsync(visitor, "/");

        Assert.Contains("Premier rendez-vous", html, StringComparison.Ordinal);
        Assert.Contains("Second rendez-vous", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Troisième rendez-vous", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/evenements/premier\"", html, StringComparison.Ordinal);
        Assert.Contains($"{Day(Brussels.Today(clock).AddDays(1))} de 10 h à 12 h", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/agenda\">Tout l’agenda</a>", html, StringComparison.Ordinal);
    }
}

public sealed class EventPageTestsOnSqlite(SqliteFixture fixture) : EventPageTests<SqliteFixture>(fixture);

public sealed class EventPageTestsOnPostgres(PostgresFixture fixture) : EventPageTests<PostgresFixture>(fixture);
