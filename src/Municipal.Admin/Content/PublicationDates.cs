namespace Municipal.Admin.Content;

/// <summary>
/// When "Enregistrer et publier" publishes: at once, or, scheduled through the durable publishing jobs, at a date to
/// come. A type with a publication date of its own (<see cref="IContentTypeEditor.PublicationDateField"/>, a news
/// article's date) is scheduled when that date is after today (Brussels), at the time beside the button (8 h unless
/// told): an article dated tomorrow is not public today. Other types take the optional date and time beside the button.
/// </summary>
public static class PublicationDates
{
    /// <summary>The posted names (and ids) of the date and time beside the publish button.</summary>
    public const string DateField = "publish-date";

    public const string TimeField = "publish-time";

    public static readonly TimeOnly DefaultTime = new(8, 0);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    /// <summary>
    /// The publication asked for by the posted date and time: <see cref="PublishChoice.Due"/> is the instant to
    /// schedule at, or null to publish now; typed values that cannot be read come back with their French messages.
    /// </summary>
    public static PublishChoice Decide(string? publicationDateField, DateOnly? contentDate, string dateText, string timeText, DateTimeOffset now)
    {
        var timeError = TryReadTime(timeText, out var time) ? null : CoreText.Get("ContentPublishTimeInvalid");
        if (publicationDateField is not null)
        {
            return new(contentDate is { } day && day > BrusselsTime.Date(now) ? BrusselsTime.FromLocal(day, time) : null, null, timeError);
        }

        dateText = dateText.Trim();
        if (dateText.Length == 0)
        {
            return new(null, null, null);
        }

        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && !DateOnly.TryParseExact(dateText, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return new(null, CoreText.Get("ContentPublishDateInvalid"), timeError);
        }

        var at = BrusselsTime.FromLocal(date, time);
        return new(at > now ? at : null, null, timeError);
    }

    /// <summary>
    /// When "Publier la dernière version" publishes a saved revision: null for now, or 8 h on its publication date
    /// when that is after today (the stored content date is the calendar day at midnight UTC).
    /// </summary>
    public static DateTimeOffset? LatestDue(IContentTypeEditor editor, ContentItemRecord latest, DateTimeOffset now) =>
        editor.PublicationDateField is { } own && latest.ContentDate is { } date
            ? Decide(own, DateOnly.FromDateTime(date.UtcDateTime), string.Empty, string.Empty, now).Due
            : null;

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

    /// <summary>"HH:MM" as typed; empty means <see cref="DefaultTime"/>.</summary>
    private static bool TryReadTime(string text, out TimeOnly time)
    {
        text = text.Trim();
        time = DefaultTime;
        return text.Length == 0
            || TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}

/// <summary>What the posted publication date and time ask for: the instant to schedule at (null: now), or messages.</summary>
public sealed record PublishChoice(DateTimeOffset? Due, string? DateError, string? TimeError)
{
    public bool IsValid => DateError is null && TimeError is null;
}

/// <summary>The date and time typed beside the publish button, drawn again after a refused post.</summary>
public sealed record PublishForm(string Date, string Time)
{
    public static readonly PublishForm Empty = new(string.Empty, string.Empty);
}

/// <summary>
/// The publishing choices beside the save buttons: the publication date and time (the type's own date field, or
/// <see cref="PublicationDates.DateField"/>), the button's text, and what admin.js needs to follow the typed date:
/// today and now in Brussels, and the texts it fills in.
/// </summary>
public sealed record PublishChoicesView(
    string DateFieldId,
    bool OwnDate,
    string Date,
    string? DateError,
    string Time,
    string? TimeError,
    string ButtonText,
    string Today,
    string Now,
    string PublishText,
    string ScheduleText,
    string HourText,
    string HourMinutesText)
{
    public static PublishChoicesView Create(IContentTypeEditor editor, IReadOnlyList<EditorField> fields, PublishForm form, IReadOnlyDictionary<string, string> errors, DateTimeOffset now)
    {
        var own = editor.PublicationDateField;
        var contentDate = fields.OfType<DateField>().FirstOrDefault(f => f.Name == own)?.Value;
        var due = PublicationDates.Decide(own, contentDate, form.Date, form.Time, now).Due;
        var local = BrusselsTime.ToLocal(now);
        return new(
            own ?? PublicationDates.DateField,
            own is not null,
            form.Date,
            errors.GetValueOrDefault(PublicationDates.DateField),
            form.Time.Length > 0 || errors.ContainsKey(PublicationDates.TimeField) ? form.Time : PublicationDates.DefaultTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            errors.GetValueOrDefault(PublicationDates.TimeField),
            due is { } at ? PublicationDates.ScheduleLabel(at, now) : CoreText.Get("ContentSaveAndPublish"),
            local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            CoreText.Get("ContentSaveAndPublish"),
            CoreText.Get("ContentScheduleForButton"),
            CoreText.Get("ContentScheduleHour"),
            CoreText.Get("ContentScheduleHourMinutes"));
    }
}
