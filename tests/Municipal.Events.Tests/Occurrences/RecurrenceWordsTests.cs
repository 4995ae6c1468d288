using System.Globalization;
using Municipal.Events.Occurrences;

namespace Municipal.Events.Tests.Occurrences;

public sealed class RecurrenceWordsTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    // 20 June 2026 is a Saturday.
    private static EventSchedule Weekly(string? rule) => new(new DateTime(2026, 6, 20, 15, 0, 0), new DateTime(2026, 6, 20, 18, 0, 0), Recurrence: rule);

    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=SA;UNTIL=20261226T235959Z", "Chaque samedi, jusqu'au 26 décembre 2026")]
    [InlineData("FREQ=WEEKLY;UNTIL=20261226", "Chaque samedi, jusqu'au 26 décembre 2026")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10", "Toutes les 2 semaines, le mardi et le jeudi, 10 fois")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,WE,FR", "Chaque semaine, le lundi, le mercredi et le vendredi")]
    [InlineData("FREQ=DAILY", "Chaque jour")]
    [InlineData("RRULE:FREQ=DAILY;INTERVAL=3;COUNT=5", "Tous les 3 jours, 5 fois")]
    [InlineData("FREQ=MONTHLY;BYDAY=1SA", "Chaque mois, le premier samedi")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR", "Chaque mois, le dernier vendredi")]
    [InlineData("FREQ=YEARLY;INTERVAL=2", "Tous les 2 ans")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15", "Chaque mois (avec d'autres conditions)")]
    public void A_rule_is_said_in_French(string rule, string expected) =>
        Assert.Equal(expected, RecurrenceWords.Describe(Weekly(rule), French));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("FREQ=HOURLY")]
    [InlineData("not a rule")]
    public void An_event_that_does_not_repeat_or_cannot_be_read_has_no_words(string? rule) =>
        Assert.Null(RecurrenceWords.Describe(Weekly(rule), French));

    [Fact]
    public void An_occurrence_is_said_with_its_day_and_Brussels_hours()
    {
        // 13:00 UTC is 15 h in Brussels in summer.
        var occurrence = new ExpandedOccurrence(new DateTimeOffset(2026, 6, 20, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 20, 16, 30, 0, TimeSpan.Zero), false, new DateOnly(2026, 6, 20), EventStatus.Scheduled);

        Assert.Equal("samedi 20 juin 2026 de 15 h à 18 h 30", RecurrenceWords.Occurrence(occurrence, French));
        Assert.Equal("samedi 20 juin 2026 à 15 h", RecurrenceWords.Occurrence(occurrence with { EndUtc = null }, French));
        Assert.Equal("samedi 20 juin 2026", RecurrenceWords.Occurrence(occurrence with { WholeDay = true }, French));
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10", true)]
    [InlineData("FREQ=DAILY;UNTIL=20261226", true)]
    [InlineData("FREQ=MONTHLY;BYDAY=1SA", false)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15", false)]
    public void Plain_controls_say_only_simple_rules(string rule, bool simple) =>
        Assert.Equal(simple, RecurrenceParts.Parse(rule)!.IsSimple);

    [Fact]
    public void Parts_written_back_are_a_rule_the_expander_reads()
    {
        var parts = new RecurrenceParts(RepeatFrequency.Weekly, 2, ["TU", "TH"], null, new DateOnly(2026, 12, 26), []);

        var rule = parts.ToRule();

        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20261226T235959Z", rule);
        Assert.Equal(rule, RecurrenceParts.Parse(rule)!.ToRule());
        ScheduleRules.ParseRule(rule);
    }

    [Fact]
    public void The_last_day_of_a_rule_written_back_is_still_a_date_of_the_event()
    {
        var rule = new RecurrenceParts(RepeatFrequency.Weekly, 1, ["SA"], null, new DateOnly(2026, 12, 26), []).ToRule();
        var content = new EventContent("Marché", null, RichText.Empty, Weekly(rule), "marche");

        var occurrences = OccurrenceExpander.Expand(content, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 26), occurrences[^1].Date);
    }
}
