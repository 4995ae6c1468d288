using System.Globalization;
using Calendar = Ical.Net.Calendar;
using System.Net;
using System.Text;
using Municipal.Events.Model;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Events.EventTestContent;

namespace Municipal.Web.Tests.Events;

/// <summary>
/// The iCalendar feeds as a calendar application reads them: valid RFC 5545 (CRLF, lines of 75 octets at most, one
/// VTIMEZONE), each event once with its rule, filters applied, drafts absent, and a UID that survives an edit.
/// SQLite and PostgreSQL.
/// </summary>
public abstract class EventFeedTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task The_agenda_feed_lists_each_published_event_once_with_its_rule_applies_the_filters_and_leaves_drafts_out()
    {
        var name = fixture.NewTenantName("feed");
        await fixture.CreateTenantAsync(name);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var start = Local(fixture, 3, 14);
            await PublishAsync(scope, "marche", Event(
                "Marché hebdomadaire des producteurs de la région, sur la place Communale, chaque semaine",
                new EventSchedule(start, start.AddHours(4), Recurrence: "FREQ=WEEKLY;COUNT=5", ExceptDates: [DateOnly.FromDateTime(start).AddDays(7)])));
            await PublishAsync(scope, "concert", Event("Concert de l’harmonie", new EventSchedule(Local(fixture, 5, 20), Local(fixture, 5, 22)), "concert"));
            await SaveDraftAsync(scope, "brouillon", Event("Brouillon secret", new EventSchedule(Local(fixture, 4, 10), null)));
        }

        var client = fixture.ClientFor($"{name}.localhost");
        var response = await client.GetAsync("/agenda.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        AssertValidLines(text);
        Assert.DoesNotContain("Brouillon", text, StringComparison.Ordinal);
        var calendar = Calendar.Load(text)!;
        Assert.Single(calendar.TimeZones);
        Assert.Equal(2, calendar.Events.Count);
        var market = calendar.Events.Single(e => e.Summary!.StartsWith("Marché", StringComparison.Ordinal));
        Assert.Equal(5, market.RecurrenceRule!.Count);
        Assert.Single(market.ExceptionDates.GetAllDates());
        Assert.Equal("Europe/Brussels", market.Start!.TzId);
        Assert.Equal("Résumé de " + market.Summary, market.Description);
        Assert.Equal(new Uri($"http://{name}.localhost/evenements/marche"), market.Url);
        Assert.Contains("X-WR-CALNAME:Agenda – Commune de " + name, text, StringComparison.Ordinal);

        var concerts = Calendar.Load(await client.GetStringAsync("/agenda.ics?categorie=concert"))!;
        Assert.Equal(["Concert de l’harmonie"], concerts.Events.Select(e => e.Summary));
        var later = Brussels.IsoDate(Brussels.Today(fixture.Clock).AddDays(4));
        var fromDay4 = Calendar.Load(await client.GetStringAsync($"/agenda.ics?periode=dates&du={later}"))!;
        Assert.Equal(2, fromDay4.Events.Count); // the market has later repetitions: still listed, once

        var refused = await client.GetAsync("/agenda.ics?du=2026-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("2026-13-45", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_events_file_is_an_attachment_whose_UID_stays_when_the_event_is_edited_and_published_again()
    {
        var name = fixture.NewTenantName("feed-uid");
        await fixture.CreateTenantAsync(name);
        var client = fixture.ClientFor($"{name}.localhost");
        var content = Event("Brocante", new EventSchedule(Local(fixture, 10, 8), Local(fixture, 10, 17)));
        string id;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            id = (await PublishAsync(scope, "brocante", content)).ContentItemId;
            await SaveDraftAsync(scope, "atelier", Event("Atelier pas encore publié", new EventSchedule(Local(fixture, 11, 8), null)));
        }

        var first = await client.GetAsync("/evenements/brocante.ics");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("attachment", first.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("brocante.ics", first.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var before = Assert.Single(Calendar.Load(await first.Content.ReadAsStringAsync())!.Events);
        Assert.Equal($"{id}@{name}.{StorageFixture.SharedHost}", before.Uid);

        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await PublishAsync(scope, "brocante", content with { Title = "Grande brocante" }, id);
        }

        var text = await client.GetStringAsync("/evenements/brocante.ics");
        var after = Assert.Single(Calendar.Load(text)!.Events);
        Assert.Equal("Grande brocante", after.Summary);
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Contains("DTSTAMP:" + fixture.Clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/evenements/atelier.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/evenements/inconnu.ics")).StatusCode);
    }

    [Fact]
    public async Task An_agendas_feed_shows_the_events_listed_in_it_and_an_unknown_agenda_is_404()
    {
        var name = fixture.NewTenantName("feed-agenda");
        await fixture.CreateTenantAsync(name);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await PublishAgendaAsync(scope, "marches", new AgendaContent("Marchés", null, OwnEventsRule.Listed, []));
            await PublishAsync(scope, "marche-bio", Event("Marché bio", new EventSchedule(Local(fixture, 2, 9), Local(fixture, 2, 13))) with { Agendas = ["marches"] });
            await PublishAsync(scope, "conseil", Event("Conseil communal", new EventSchedule(Local(fixture, 2, 20), null), "reunion-publique"));
        }

        var client = fixture.ClientFor($"{name}.localhost");
        var text = await client.GetStringAsync("/agenda/marches.ics");

        Assert.Equal(["Marché bio"], Calendar.Load(text)!.Events.Select(e => e.Summary));
        Assert.Contains($"X-WR-CALNAME:Marchés – Commune de {name}", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agenda/inconnu.ics")).StatusCode);
    }

    [Fact]
    public async Task Without_the_events_feature_the_feeds_and_the_api_answer_404()
    {
        var name = fixture.NewTenantName("feed-off");
        await fixture.CreateTenantAsync(name, recipe: RecipeFiles.Write(fixture, """{"name": "p", "steps": [{"step": "features", "enable": ["pages"]}]}"""));
        var client = fixture.ClientFor($"{name}.localhost");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agenda.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/events")).StatusCode);
    }

    /// <summary>RFC 5545, 3.1: every line ends with CRLF and holds 75 octets at most.</summary>
    private static void AssertValidLines(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain('\r', text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        var lines = text[..^2].Split("\r\n");
        Assert.All(lines, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.Contains(lines, l => l.StartsWith(' ')); // the long title was folded
    }
}

public sealed class EventFeedTestsOnSqlite(SqliteFixture fixture) : EventFeedTests<SqliteFixture>(fixture);

public sealed class EventFeedTestsOnPostgres(PostgresFixture fixture) : EventFeedTests<PostgresFixture>(fixture);
