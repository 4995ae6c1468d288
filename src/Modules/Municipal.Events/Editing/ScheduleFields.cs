using System.Globalization;
using Municipal.Admin.Content;
using Municipal.Events.Occurrences;

namespace Municipal.Events.Editing;

/// <summary>
/// The "Dates" and "Répétition" fields of the event form: start and end, whole day, open end, and the plain controls
/// that build the RRULE (repeats, interval, weekdays, end, dates excluded and added). A rule the controls cannot say
/// is shown in words and kept unless another choice replaces it.
/// </summary>
public static class ScheduleFields
{
    public const string StartDate = "start-date";
    public const string StartTime = "start-time";
    public const string EndDate = "end-date";
    public const string EndTime = "end-time";
    public const string WholeDay = "whole-day";
    public const string OpenEnd = "open-end";
    public const string RuleWords = "repeat-words";
    public const string Repeat = "repeat";
    public const string Interval = "repeat-interval";
    public const string Weekdays = "repeat-weekdays";
    public const string RepeatEnd = "repeat-end";
    public const string Count = "repeat-count";
    public const string Until = "repeat-until";
    public const string ExceptDates = "except-dates";
    public const string AddedDates = "added-dates";

    /// <summary>The value of <see cref="Repeat"/> that keeps a rule the controls cannot say.</summary>
    public const string KeepRule = "rule";

    public const string EndNever = "never";
    public const string EndCount = "count";
    public const string EndUntil = "until";

    public static IEnumerable<EditorField> Fields(EventSchedule? schedule, CultureInfo culture)
    {
        var when = EventsText.Get("EventGroupWhen");
        var repeat = EventsText.Get("EventGroupRepeat");
        var parts = RecurrenceParts.Parse(schedule?.Recurrence);
        var kept = schedule?.Recurrence is { Length: > 0 } && parts is not { IsSimple: true };
        var simple = kept ? null : parts;
        var start = schedule?.Start;
        var end = schedule?.End;
        var timed = schedule is { WholeDay: false };
        yield return new DateField(StartDate, EventsText.Get("EventFieldStartDate"), start is { } s ? DateOnly.FromDateTime(s) : null) { Required = true, Group = when };
        yield return new TextField(StartTime, EventsText.Get("EventFieldStartTime"), timed && start is { } st ? Time(st) : string.Empty) { InputType = "time", Hint = EventsText.Get("EventFieldStartTimeHint"), Group = when };
        yield return new DateField(EndDate, EventsText.Get("EventFieldEndDate"), end is { } e ? DateOnly.FromDateTime(e) : null) { Hint = EventsText.Get("EventFieldEndDateHint"), Group = when };
        yield return new TextField(EndTime, EventsText.Get("EventFieldEndTime"), timed && end is { } et ? Time(et) : string.Empty) { InputType = "time", Group = when };
        yield return new CheckboxField(WholeDay, EventsText.Get("EventFieldWholeDay"), schedule?.WholeDay ?? false) { Group = when };
        yield return new CheckboxField(OpenEnd, EventsText.Get("EventFieldOpenEnd"), schedule?.OpenEnd ?? false) { Hint = EventsText.Get("EventFieldOpenEndHint"), Group = when };

        if (schedule is not null && RecurrenceWords.Describe(schedule, culture) is { } words)
        {
            yield return new NoteField(RuleWords, EventsText.Get("EventFieldRuleWords"), words) { Hint = kept ? EventsText.Format("EventFieldRuleKeptHint", schedule.Recurrence!) : null, Group = repeat };
        }
        else if (kept)
        {
            yield return new NoteField(RuleWords, EventsText.Get("EventFieldRuleWords"), schedule!.Recurrence!) { Hint = EventsText.Format("EventFieldRuleKeptHint", schedule.Recurrence!), Group = repeat };
        }

        var choices = new List<FieldOption>();
        if (kept)
        {
            choices.Add(new(KeepRule, EventsText.Get("RepeatKeep")));
        }

        choices.Add(new(string.Empty, EventsText.Get("RepeatNone")));
        choices.AddRange(Enum.GetValues<RepeatFrequency>().Select(f => new FieldOption(f.ToString().ToLowerInvariant(), EventsText.Get("Repeat" + f))));
        yield return new SelectField(Repeat, EventsText.Get("EventFieldRepeat"), choices, kept ? KeepRule : simple?.Frequency.ToString().ToLowerInvariant() ?? string.Empty) { Group = repeat };
        yield return new TextField(Interval, EventsText.Get("EventFieldInterval"), (simple?.Interval ?? 1).ToString(CultureInfo.InvariantCulture)) { InputType = "number", Hint = EventsText.Get("EventFieldIntervalHint"), Group = repeat };
        yield return new ChoicesField(
            Weekdays,
            EventsText.Get("EventFieldWeekdays"),
            RecurrenceParts.Days.Select(d => new FieldOption(d.Code, culture.DateTimeFormat.GetDayName(d.Day))).ToList(),
            simple?.Weekdays ?? []) { Hint = EventsText.Get("EventFieldWeekdaysHint"), Group = repeat };
        var endChoice = simple?.Count is not null ? EndCount : simple?.Until is not null ? EndUntil : EndNever;
        yield return new SelectField(
            RepeatEnd,
            EventsText.Get("EventFieldRepeatEnd"),
            [new(EndNever, EventsText.Get("RepeatEndNever")), new(EndCount, EventsText.Get("RepeatEndCount")), new(EndUntil, EventsText.Get("RepeatEndUntil"))],
            endChoice) { Group = repeat };
        yield return new TextField(Count, EventsText.Get("EventFieldCount"), simple?.Count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) { InputType = "number", Group = repeat };
        yield return new DateField(Until, EventsText.Get("EventFieldUntil"), simple?.Until) { Group = repeat };
        yield return new LinesField(ExceptDates, EventsText.Get("EventFieldExceptDates"), (schedule?.ExceptDates ?? []).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList()) { Hint = EventsText.Get("EventFieldExceptDatesHint"), Group = repeat };
        yield return new LinesField(AddedDates, EventsText.Get("EventFieldAddedDates"), (schedule?.AddedDates ?? []).Select(d => d.ToString(schedule!.WholeDay ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).ToList()) { Hint = EventsText.Get("EventFieldAddedDatesHint"), Group = repeat };
    }

    /// <summary>The schedule the fields say, or null after messages on the fields; <paramref name="previous"/> gives a kept rule.</summary>
    public static EventSchedule? Read(EditorValues values, EventSchedule? previous)
    {
        var wholeDay = values.Checked(WholeDay);
        var openEnd = values.Checked(OpenEnd);
        var startDate = values.Date(StartDate);
        var startTime = ReadTime(values, StartTime);
        var endTime = ReadTime(values, EndTime);
        if (!wholeDay && startDate is not null && startTime is null && values.Text(StartTime).Length == 0)
        {
            values.Fail(StartTime, EventsText.Get("EventErrorStartTime"));
        }

        var endDate = values.Date(EndDate) ?? (endTime is not null ? startDate : null);
        var rule = ReadRule(values, previous, wholeDay, startDate);
        var except = ReadDates(values, ExceptDates);
        var added = ReadAddedDates(values, startTime ?? TimeOnly.MinValue, wholeDay);
        if (startDate is not { } day || !values.IsValid)
        {
            return null;
        }

        var start = day.ToDateTime(wholeDay ? TimeOnly.MinValue : startTime ?? TimeOnly.MinValue);
        DateTime? end = openEnd || endDate is null ? null : endDate.Value.ToDateTime(wholeDay ? TimeOnly.MinValue : endTime ?? startTime ?? TimeOnly.MinValue);
        var schedule = new EventSchedule(start, end, wholeDay, openEnd, rule, except.Count > 0 ? except : null, added.Count > 0 ? added : null);
        try
        {
            ScheduleRules.Check(schedule);
        }
        catch (ScheduleException error)
        {
            values.Fail(end is not null && end < start ? EndDate : Repeat, error.Message);
            return null;
        }

        return schedule;
    }

    private static string? ReadRule(EditorValues values, EventSchedule? previous, bool wholeDay, DateOnly? start)
    {
        var repeat = values.Text(Repeat);
        if (repeat == KeepRule)
        {
            return previous?.Recurrence;
        }

        if (!Enum.TryParse<RepeatFrequency>(repeat, ignoreCase: true, out var frequency) || repeat.Length == 0)
        {
            return null;
        }

        var interval = ReadNumber(values, Interval, 1, 99) ?? 1;
        var weekdays = frequency == RepeatFrequency.Weekly
            ? RecurrenceParts.Days.Select(d => d.Code).Where(values.Choices(Weekdays).Contains).ToList()
            : [];
        int? count = null;
        DateOnly? until = null;
        switch (values.Text(RepeatEnd))
        {
            case EndCount:
                count = ReadNumber(values, Count, 1, 999);
                if (count is null && values.Text(Count).Length == 0)
                {
                    values.Fail(Count, EventsText.Get("EventErrorCountMissing"));
                }

                break;
            case EndUntil:
                until = values.Date(Until);
                if (until is null && !values.Errors.ContainsKey(Until))
                {
                    values.Fail(Until, EventsText.Get("EventErrorUntilMissing"));
                }
                else if (until < start)
                {
                    values.Fail(Until, EventsText.Get("EventErrorUntilBeforeStart"));
                }

                break;
        }

        return new RecurrenceParts(frequency, interval, weekdays, count, until, []).ToRule(wholeDay);
    }

    private static int? ReadNumber(EditorValues values, string name, int min, int max)
    {
        var text = values.Text(name);
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        values.Fail(name, EventsText.Format("EventErrorNumber", min, max));
        return null;
    }

    private static TimeOnly? ReadTime(EditorValues values, string name)
    {
        var text = values.Text(name);
        if (text.Length == 0)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        values.Fail(name, EventsText.Get("EventErrorTime"));
        return null;
    }

    private static List<DateOnly> ReadDates(EditorValues values, string name)
    {
        var dates = new List<DateOnly>();
        foreach (var line in values.Lines(name))
        {
            if (ParseDate(line) is { } date)
            {
                dates.Add(date);
            }
            else
            {
                values.Fail(name, EventsText.Format("EventErrorDateLine", line));
            }
        }

        return dates.Distinct().Order().ToList();
    }

    /// <summary>"2026-06-20" (at the start's hour) or "2026-06-20 15:00".</summary>
    private static List<DateTime> ReadAddedDates(EditorValues values, TimeOnly startTime, bool wholeDay)
    {
        var starts = new List<DateTime>();
        foreach (var line in values.Lines(AddedDates))
        {
            var pieces = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var date = ParseDate(pieces[0]);
            TimeOnly time = startTime;
            if (date is null || (pieces.Length == 2 && !TimeOnly.TryParseExact(pieces[1], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time)))
            {
                values.Fail(AddedDates, EventsText.Format("EventErrorDateLine", line));
                continue;
            }

            starts.Add(date.Value.ToDateTime(wholeDay ? TimeOnly.MinValue : time));
        }

        return starts.Distinct().Order().ToList();
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Time(DateTime value) => value.ToString("HH:mm", CultureInfo.InvariantCulture);
}
