using Municipal.Events.Occurrences;

namespace Municipal.Events.Tests.Occurrences;

public sealed class OccurrenceExpanderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static EventContent Event(EventSchedule schedule, params OccurrenceStatus[] statuses) =>
        new("Marché du samedi", null, RichText.Empty, schedule, "marche", StatusChanges: statuses);

    [Fact]
    public void A_weekly_rule_keeps_its_Brussels_hour_across_the_spring_change_and_skips_excluded_dates()
    {
        var schedule = new EventSchedule(
            new DateTime(2026, 3, 21, 14, 0, 0), new DateTime(2026, 3, 21, 18, 0, 0),
            Recurrence: "FREQ=WEEKLY;BYDAY=SA;COUNT=4", ExceptDates: [new DateOnly(2026, 3, 28)], AddedDates: [new DateTime(2026, 5, 1, 14, 0, 0)]);

        var occurrences = OccurrenceExpander.Expand(Event(schedule, new OccurrenceStatus(new DateOnly(2026, 4, 11), EventStatus.Cancelled)), Now);

        // 21 March is winter time (UTC+1), the April Saturdays summer time (UTC+2): 14 h in Brussels each time.
        Assert.Equal(
            [new DateTimeOffset(2026, 3, 21, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 4, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 11, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero)],
            occurrences.Select(o => o.StartUtc));
        Assert.Equal(new DateTimeOffset(2026, 4, 4, 16, 0, 0, TimeSpan.Zero), occurrences[1].EndUtc);
        Assert.Equal([EventStatus.Scheduled, EventStatus.Scheduled, EventStatus.Cancelled, EventStatus.Scheduled], occurrences.Select(o => o.Status));
    }

    [Fact]
    public void An_unbounded_rule_stops_two_years_ahead()
    {
        var schedule = new EventSchedule(new DateTime(2026, 1, 3, 8, 0, 0), null, Recurrence: "FREQ=WEEKLY;BYDAY=SA");

        var occurrences = OccurrenceExpander.Expand(Event(schedule), Now);

        Assert.True(occurrences[^1].StartUtc < Now + EventTypes.Horizon);
        Assert.True(occurrences[^1].StartUtc > Now + EventTypes.Horizon - TimeSpan.FromDays(7));
        Assert.Null(occurrences[0].EndUtc);
    }

    [Theory]
    [InlineData("FREQ=SOMETIMES")]
    [InlineData("BYDAY=SA")]
    [InlineData("FREQ=WEEKLY;INTERVAL=zero")]
    public void A_malformed_rule_is_refused_in_French(string rule)
    {
        var schedule = new EventSchedule(new DateTime(2026, 3, 21, 14, 0, 0), null, Recurrence: rule);

        var error = Assert.Throws<ScheduleException>(() => OccurrenceExpander.Expand(Event(schedule), Now));

        Assert.Contains("règle de répétition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var schedule = new EventSchedule(new DateTime(2026, 3, 21, 14, 0, 0), new DateTime(2026, 3, 21, 12, 0, 0));

        var error = Assert.Throws<ScheduleException>(() => OccurrenceExpander.Expand(Event(schedule), Now));

        Assert.Contains("avant son début", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_day_event_starts_at_Brussels_midnight_and_ends_the_day_after_its_last_day()
    {
        var schedule = new EventSchedule(new DateTime(2026, 7, 20), new DateTime(2026, 7, 21), WholeDay: true);

        var occurrence = Assert.Single(OccurrenceExpander.Expand(Event(schedule), Now));

        Assert.Equal(new DateTimeOffset(2026, 7, 19, 22, 0, 0, TimeSpan.Zero), occurrence.StartUtc);
        Assert.Equal(new DateTimeOffset(2026, 7, 21, 22, 0, 0, TimeSpan.Zero), occurrence.EndUtc);
        Assert.True(occurrence.WholeDay);
    }
}
