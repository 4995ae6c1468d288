using Ical.Net.DataTypes;

namespace Municipal.Events.Occurrences;

/// <summary>A schedule that cannot be expanded; <see cref="Exception.Message"/> is the French sentence to show.</summary>
public sealed class ScheduleException(string message) : Exception(message);

/// <summary>The rules of a schedule, checked the same way by the editor, the recipes and at publication.</summary>
public static class ScheduleRules
{
    /// <summary>Throws <see cref="ScheduleException"/> when the end is before the start or the rule is malformed.</summary>
    public static void Check(EventSchedule schedule)
    {
        if (schedule.End is { } end && (schedule.WholeDay ? end.Date < schedule.Start.Date : end < schedule.Start))
        {
            throw new ScheduleException(EventsText.Get("ScheduleErrorEndBeforeStart"));
        }

        if (!string.IsNullOrWhiteSpace(schedule.Recurrence))
        {
            ParseRule(schedule.Recurrence);
        }
    }

    /// <summary>An RRULE value ("FREQ=WEEKLY;BYDAY=SA", with or without "RRULE:"); throws <see cref="ScheduleException"/> when malformed.</summary>
    public static RecurrencePattern ParseRule(string rule)
    {
        var value = rule.Trim();
        if (value.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[6..];
        }

        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(value);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new ScheduleException(EventsText.Format("ScheduleErrorRule", rule));
        }

        if (!value.Contains("FREQ=", StringComparison.OrdinalIgnoreCase) || pattern.Interval < 1)
        {
            throw new ScheduleException(EventsText.Format("ScheduleErrorRule", rule));
        }

        return pattern;
    }
}
