using System.Globalization;
using Municipal.Admin.Content;
using Municipal.Events.Occurrences;

namespace Municipal.Events.Editing;

/// <summary>
/// The next ten dates of a saved event, in words, each with its status (prévu, annulé, reporté, complet): a select
/// named "status-yyyy-MM-dd" that sets <see cref="EventContent.StatusChanges"/> for that date.
/// </summary>
public static class OccurrenceFields
{
    public const string Prefix = "status-";

    public const int Shown = 10;

    public static IEnumerable<EditorField> Fields(EventContent content, DateTimeOffset now, CultureInfo culture)
    {
        IReadOnlyList<ExpandedOccurrence> next;
        try
        {
            next = OccurrenceExpander.Expand(content, now, now + EventTypes.Horizon, Shown);
        }
        catch (ScheduleException)
        {
            yield break;
        }

        var group = EventsText.Get("EventGroupNextDates");
        if (next.Count == 0)
        {
            yield return new NoteField("next-dates", EventsText.Get("EventFieldNextDates"), EventsText.Get("EventNoNextDates")) { Group = group };
            yield break;
        }

        var options = Enum.GetValues<EventStatus>().Select(s => new FieldOption(s.ToString(), EventsText.Get("Status_" + s))).ToList();
        foreach (var occurrence in next)
        {
            yield return new SelectField(Name(occurrence.Date), RecurrenceWords.Occurrence(occurrence, culture), options, occurrence.Status.ToString()) { Required = true, Group = group };
        }
    }

    /// <summary>The statuses of the dates shown, over those of the dates not shown (past ones, later ones), by date.</summary>
    public static IReadOnlyList<OccurrenceStatus>? ReadStatuses(EditorValues values, IReadOnlyList<OccurrenceStatus>? previous)
    {
        var shown = values.Fields.OfType<SelectField>()
            .Where(f => f.Name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(f => (Date: DateOnly.TryParseExact(f.Name[Prefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null, f.Value))
            .Where(s => s.Date is not null)
            .ToList();
        var statuses = (previous ?? []).Where(p => shown.All(s => s.Date != p.Date)).ToList();
        foreach (var (date, value) in shown)
        {
            if (Enum.TryParse<EventStatus>(value, out var status) && status != EventStatus.Scheduled)
            {
                statuses.Add(new OccurrenceStatus(date!.Value, status));
            }
        }

        return statuses.Count > 0 ? statuses.OrderBy(s => s.Date).ToList() : null;
    }

    public static string Name(DateOnly date) => Prefix + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
