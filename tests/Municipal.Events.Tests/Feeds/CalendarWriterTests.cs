using System.Text;
using Ical.Net;
using EventStatus = Municipal.Events.Model.EventStatus;
using Municipal.Events.Feeds;

namespace Municipal.Events.Tests.Feeds;

public sealed class CalendarWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private static FeedEvent Market(params OccurrenceStatus[] statuses) => new(
        "abc@valmont.localhost",
        new EventContent(
            "Marché du samedi sur la place Communale, avec les producteurs de la région et leurs spécialités",
            "Fruits, légumes, fromages et pains de la région ; animation musicale à midi, dégustations et jeux pour les enfants.",
            RichText.Empty,
            new EventSchedule(
                new DateTime(2026, 3, 21, 14, 0, 0), new DateTime(2026, 3, 21, 18, 0, 0),
                Recurrence: "FREQ=WEEKLY;BYDAY=SA;COUNT=6", ExceptDates: [new DateOnly(2026, 3, 28)]),
            "marche",
            Venue: new EventVenue("Place Communale", "Rue Haute", "12", "3", "5000", "Namur", 50.4669, 4.8675),
            StatusChanges: statuses),
        "http://valmont.localhost/evenements/marche",
        new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.Zero),
        "Commune de Valmont");

    [Fact]
    public void A_recurring_event_keeps_its_rule_and_excluded_date_in_one_Brussels_zone_with_CRLF_and_lines_of_75_octets()
    {
        var text = CalendarWriter.Write(new FeedCalendar("Agenda – Commune de Valmont", [Market()]), Stamp);

        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains(lines, l => l.StartsWith(' ')); // the long French summary was folded
        Assert.Single(lines, l => l == "BEGIN:VTIMEZONE");
        Assert.Contains("X-WR-CALNAME:Agenda – Commune de Valmont", lines);
        Assert.Contains("RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=SA", lines);
        Assert.Contains("DTSTAMP:20260301T093000Z", lines);

        var calendar = Calendar.Load(text)!;
        var market = Assert.Single(calendar.Events);
        Assert.Equal("abc@valmont.localhost", market.Uid);
        Assert.StartsWith("Marché du samedi sur la place Communale, avec", market.Summary);
        Assert.Equal("Europe/Brussels", market.Start!.TzId);
        Assert.Equal("Place Communale, Rue Haute 12 bte 3, 5000 Namur", market.Location);
        Assert.Equal(50.4669, market.GeographicLocation!.Latitude);
        Assert.Equal(new Uri("http://valmont.localhost/evenements/marche"), market.Url);
        Assert.Equal(["Marché"], market.Categories);
        Assert.Equal(new DateTime(2026, 3, 28, 14, 0, 0), Assert.Single(market.ExceptionDates.GetAllDates()).Value);
        Assert.Equal(6, market.RecurrenceRule!.Count);
    }

    [Fact]
    public void A_cancelled_repetition_is_an_override_of_the_same_UID_and_a_cancelled_single_event_is_cancelled()
    {
        var recurring = Market(new OccurrenceStatus(new DateOnly(2026, 4, 4), EventStatus.Cancelled), new OccurrenceStatus(new DateOnly(2026, 4, 11), EventStatus.Full));
        var single = Market(new OccurrenceStatus(new DateOnly(2026, 3, 21), EventStatus.Cancelled)) is var m
            ? m with { Uid = "def@valmont.localhost", Content = m.Content with { Schedule = m.Content.Schedule with { Recurrence = null, ExceptDates = null } } }
            : null!;

        var calendar = Calendar.Load(CalendarWriter.Write(new FeedCalendar("Agenda", [recurring, single]), Stamp))!;

        var events = calendar.Events.Where(e => e.Uid == "abc@valmont.localhost").ToArray();
        Assert.Equal(2, events.Length);
        var cancelled = Assert.Single(events, e => e.RecurrenceIdentifier is not null);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(new DateTime(2026, 4, 4, 14, 0, 0), cancelled.RecurrenceIdentifier!.StartTime.Value);
        Assert.Equal(new DateTime(2026, 4, 4, 18, 0, 0), cancelled.End!.Value);
        Assert.Null(events.Single(e => e.RecurrenceIdentifier is null).Status);
        Assert.Equal("CANCELLED", calendar.Events.Single(e => e.Uid == "def@valmont.localhost").Status);
    }
}
