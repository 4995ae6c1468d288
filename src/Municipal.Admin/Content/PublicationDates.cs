namespace Municipal.Admin.Content;

/// <summary>
/// A content type's publication date (<see cref="IContentTypeEditor.PublicationDateField"/>) after today, in Brussels,
/// turns "publish" into a scheduled publication at that date and the time the officer chose (8 h unless told),
/// through the durable scheduling jobs: an article dated tomorrow is not public today.
/// </summary>
public static class PublicationDates
{
    /// <summary>The posted name (and id) of the publication time beside the publish button.</summary>
    public const string TimeField = "publish-time";

    public static readonly TimeOnly DefaultTime = new(8, 0);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    /// <summary>The instant to publish at when <paramref name="date"/> is after today (Brussels); null to publish now.</summary>
    public static DateTimeOffset? ScheduledFor(DateOnly? date, TimeOnly time, DateTimeOffset now) =>
        date is { } day && day > BrusselsTime.Date(now) ? BrusselsTime.FromLocal(day, time) : null;

    /// <summary>The date an item's stored content date stands for (calendar days are stored at midnight UTC).</summary>
    public static DateOnly? Day(DateTimeOffset? contentDate) => contentDate is { } date ? DateOnly.FromDateTime(date.UtcDateTime) : null;

    /// <summary>"HH:MM" as typed; empty means <see cref="DefaultTime"/>.</summary>
    public static bool TryReadTime(string text, out TimeOnly time)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            time = DefaultTime;
            return true;
        }

        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>"Programmer pour le 7 décembre à 8 h" (the year added when it is not this year's), in Brussels time.</summary>
    public static string ScheduleLabel(DateTimeOffset due, DateTimeOffset now, string key = "ContentScheduleForButton")
    {
        var local = BrusselsTime.ToLocal(due);
        var day = local.ToString(local.Year == BrusselsTime.ToLocal(now).Year ? "d MMMM" : "d MMMM yyyy", French);
        var hour = local.Minute == 0
            ? CoreText.Format("ContentScheduleHour", local.Hour)
            : CoreText.Format("ContentScheduleHourMinutes", local.Hour, local.ToString("mm", CultureInfo.InvariantCulture));
        return CoreText.Format(key, day, hour);
    }
}

/// <summary>
/// What the publish button needs to say "Programmer pour le …" and to follow the date as it is typed (admin.js):
/// the date field's id, today's Brussels date, the time typed and the texts the script fills in.
/// </summary>
public sealed record PublicationDateView(string DateField, string Today, string Time, string? TimeError, string PublishText, string ScheduleText, string HourText, string HourMinutesText)
{
    public static PublicationDateView Create(string dateField, DateTimeOffset now, string time, string? timeError) => new(
        dateField,
        BrusselsTime.Date(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        time,
        timeError,
        CoreText.Get("ContentSaveAndPublish"),
        CoreText.Get("ContentScheduleForButton"),
        CoreText.Get("ContentScheduleHour"),
        CoreText.Get("ContentScheduleHourMinutes"));
}
