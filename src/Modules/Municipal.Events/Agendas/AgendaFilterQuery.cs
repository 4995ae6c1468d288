using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Municipal.Events.Agendas;

/// <summary>The names of the query parameters: French on the public pages and feeds, English on the JSON API.</summary>
public sealed record AgendaParameterNames(
    string Period, string From, string To, string Category, string Audience, string Topic, string Locality, string Free, string Accessible, string Page)
{
    /// <summary>/agenda?periode=weekend&amp;categorie=marche&amp;gratuit=1 (pages and .ics feeds).</summary>
    public static readonly AgendaParameterNames French = new("periode", "du", "au", "categorie", "public", "thematique", "localite", "gratuit", "accessible", "page");

    /// <summary>/api/events?from=2026-12-01&amp;to=2026-12-31&amp;category=marche&amp;page=2.</summary>
    public static readonly AgendaParameterNames English = new("period", "from", "to", "category", "audience", "topic", "locality", "free", "accessible", "page");
}

/// <summary>The periods a citizen can pick; <see cref="Custom"/> is the from/to dates.</summary>
public static class AgendaPeriods
{
    public const string Today = "aujourdhui";
    public const string Weekend = "weekend";
    public const string Week = "semaine";
    public const string Month = "mois";
    public const string Custom = "dates";

    public static readonly IReadOnlyList<string> All = [Today, Weekend, Week, Month, Custom];
}

/// <summary>
/// What a query string asked, read once for every output (page, .ics, JSON): the filter as UTC bounds, the page number,
/// and the raw values to show back in the form. <see cref="Errors"/> holds French messages for values that could not
/// be read; the filter then falls back to the default for those values, and the API answers 400.
/// </summary>
public sealed record AgendaRequest(
    AgendaFilter Filter,
    int Page,
    string? Period,
    DateOnly? FromDate,
    DateOnly? ToDate,
    IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The query parameter each of <see cref="Errors"/> is about (same order): the page links its message to that field.</summary>
    public IReadOnlyList<string> ErrorFields { get; init; } = [];
}

/// <summary>Reads the agenda's filters from a query string, in Brussels time, from the host's clock.</summary>
public static class AgendaFilterQuery
{
    /// <summary>No date before this is asked for (older ones are surely a typing error).</summary>
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The longest range one request may span.</summary>
    private const int MaxDays = 800;

    public static AgendaRequest Parse(IQueryCollection query, AgendaParameterNames names, DateTimeOffset nowUtc)
    {
        var errors = new List<string>();
        var fields = new List<string>();
        var today = BrusselsTime.Date(nowUtc);
        var period = Text(query, names.Period);
        var fromDate = Date(query, names.From, errors, fields);
        var toDate = Date(query, names.To, errors, fields);
        if (period is not null && !AgendaPeriods.All.Contains(period, StringComparer.Ordinal))
        {
            errors.Add(EventsText.Format("FilterErrorPeriod", period));
            fields.Add(names.Period);
            period = null;
        }

        var rangeErrors = errors.Count;
        var (first, last) = Range(period, fromDate, toDate, today, errors);
        if (errors.Count > rangeErrors)
        {
            // Out of range: the field that is; the end before the start or too far from it: the end.
            var fromOut = fromDate is { } f && (f < Earliest || f > today.AddYears(5));
            fields.Add(fromOut ? names.From : names.To);
        }

        var category = Text(query, names.Category);
        if (category is not null && !EventCategories.IsKnown(category))
        {
            errors.Add(EventsText.Format("FilterErrorCategory", category));
            fields.Add(names.Category);
            category = null;
        }

        var page = 1;
        if (Text(query, names.Page) is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > 10_000))
        {
            errors.Add(EventsText.Format("FilterErrorPage", pageText));
            fields.Add(names.Page);
            page = 1;
        }

        var filter = new AgendaFilter(
            BrusselsTime.FromLocal(first, TimeOnly.MinValue),
            BrusselsTime.FromLocal(last.AddDays(1), TimeOnly.MinValue),
            category,
            Text(query, names.Audience),
            Text(query, names.Topic),
            Text(query, names.Locality),
            Flag(query, names.Free),
            Flag(query, names.Accessible));
        return new AgendaRequest(filter, page, period, fromDate, toDate, errors) { ErrorFields = fields };
    }

    /// <summary>The first and last Brussels days of the request (both included).</summary>
    private static (DateOnly First, DateOnly Last) Range(string? period, DateOnly? from, DateOnly? to, DateOnly today, List<string> errors)
    {
        var horizon = today.AddDays((int)EventTypes.Horizon.TotalDays - 1);
        switch (period)
        {
            case AgendaPeriods.Today:
                return (today, today);
            case AgendaPeriods.Weekend:
                // Saturday and Sunday: this weekend's, or the rest of it on a Sunday.
                var saturday = today.DayOfWeek switch
                {
                    DayOfWeek.Saturday => today,
                    DayOfWeek.Sunday => today,
                    _ => today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7),
                };
                var sunday = today.DayOfWeek == DayOfWeek.Sunday ? today : saturday.AddDays(1);
                return (saturday, sunday);
            case AgendaPeriods.Week:
                // Up to Sunday of this week (Monday starts the Belgian week).
                var daysToSunday = ((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7;
                return (today, today.AddDays(daysToSunday));
            case AgendaPeriods.Month:
                return (today, new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1));
        }

        var first = from ?? today;
        if (first < Earliest || first > today.AddYears(5) || (to is { } end && (end < Earliest || end > today.AddYears(5))))
        {
            // Checked before any day is added: 9999-12-31 plus a day would overflow.
            errors.Add(EventsText.Get("FilterErrorOutOfRange"));
            return (today, horizon);
        }

        var last = to ?? (from is null ? horizon : first.AddDays(MaxDays - 1));

        if (last < first)
        {
            errors.Add(EventsText.Get("FilterErrorToBeforeFrom"));
            return (first, first);
        }

        if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            errors.Add(EventsText.Format("FilterErrorTooLong", MaxDays));
            return (first, first.AddDays(MaxDays - 1));
        }

        return (first, last);
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1]!.Trim() : null;

    private static bool Flag(IQueryCollection query, string name) =>
        Text(query, name) is { } value && value is "1" or "true" or "on" or "oui";

    private static DateOnly? Date(IQueryCollection query, string name, List<string> errors, List<string> fields)
    {
        if (Text(query, name) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(EventsText.Format("FilterErrorDate", value));
        fields.Add(name);
        return null;
    }
}
