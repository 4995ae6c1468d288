using System.Globalization;
using Municipal.Core.Recipes;
using Municipal.Events.Occurrences;

namespace Municipal.Events.Recipes;

/// <summary>
/// {"type": "Event", "title", "slug", "summary", "body" (Markdown), "start": "2026-12-12T14:00", "end", "wholeDay",
/// "openEnd", "recurrence": "FREQ=WEEKLY;BYDAY=SA;COUNT=4", "exceptDates", "addedDates", "category", "topics",
/// "audiences", "image", "venue", "onlineUrl", "organiser", "free", "price", "ticketUrl", "accessible", "shared",
/// "agendas", "statuses": [{"date", "status"}], "metaDescription"}. Times without offset are Brussels wall-clock time.
/// </summary>
public sealed record EventRecipeModel(
    string Title,
    string Start,
    string Category,
    string? Slug = null,
    string? Summary = null,
    string? Body = null,
    string? End = null,
    bool WholeDay = false,
    bool OpenEnd = false,
    string? Recurrence = null,
    IReadOnlyList<string>? ExceptDates = null,
    IReadOnlyList<string>? AddedDates = null,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? Audiences = null,
    ImagePart? Image = null,
    EventVenueRecipe? Venue = null,
    string? OnlineUrl = null,
    EventOrganiser? Organiser = null,
    bool Free = false,
    string? Price = null,
    string? TicketUrl = null,
    bool Accessible = false,
    bool Shared = false,
    IReadOnlyList<string>? Agendas = null,
    IReadOnlyList<EventStatusRecipe>? Statuses = null,
    string? MetaDescription = null);

/// <summary>{"name", "street", "number", "box", "postalCode", "locality", "lat", "lon"}</summary>
public sealed record EventVenueRecipe(
    string? Name,
    string? Street = null,
    string? Number = null,
    string? Box = null,
    string? PostalCode = null,
    string? Locality = null,
    double? Lat = null,
    double? Lon = null);

/// <summary>{"date": "2026-12-26", "status": "Cancelled"}</summary>
public sealed record EventStatusRecipe(string Date, EventStatus Status);

public sealed class EventRecipeHandler : ContentRecipeHandler<EventRecipeModel>
{
    public override string ContentType => EventTypes.Event;

    protected override ContentDraft ToDraft(string? contentItemId, EventRecipeModel model)
    {
        var title = RecipeContent.Title(model.Title);
        if (!EventCategories.IsKnown(model.Category))
        {
            throw new RecipeStepFormatException(EventsText.Format("RecipeErrorEventCategory", model.Category, string.Join(", ", EventCategories.All)));
        }

        var schedule = new EventSchedule(
            RecipeTimes.WallClock(model.Start, "start"),
            model.End is null ? null : RecipeTimes.WallClock(model.End, "end"),
            model.WholeDay,
            model.OpenEnd,
            string.IsNullOrWhiteSpace(model.Recurrence) ? null : model.Recurrence.Trim(),
            model.ExceptDates?.Select(d => RecipeTimes.Date(d, "exceptDates")).ToList(),
            model.AddedDates?.Select(d => RecipeTimes.WallClock(d, "addedDates")).ToList());
        try
        {
            ScheduleRules.Check(schedule);
        }
        catch (ScheduleException ex)
        {
            throw new RecipeStepFormatException(ex.Message);
        }

        var slug = model.Slug is null ? Slugs.FromTitle(title) : RecipeContent.Slug(model.Slug);
        var venue = model.Venue is { } v ? new EventVenue(v.Name, v.Street, v.Number, v.Box, v.PostalCode, v.Locality, v.Lat, v.Lon) : null;
        var admission = model.Free || model.Price is not null || model.TicketUrl is not null ? new EventAdmission(model.Free, model.Price, model.TicketUrl) : null;
        var statuses = model.Statuses?.Select(s => new OccurrenceStatus(RecipeTimes.Date(s.Date, "statuses"), s.Status)).ToList();
        var content = new EventContent(
            title,
            model.Summary?.Trim(),
            RichText.FromMarkdown(model.Body),
            schedule,
            model.Category,
            model.Image,
            RecipeContent.Taxonomy(model.Topics, model.Audiences),
            venue,
            model.OnlineUrl,
            model.Organiser,
            admission,
            model.Accessible,
            model.Shared,
            model.Agendas,
            statuses,
            RecipeContent.Seo(model.MetaDescription));
        return new ContentDraft(ContentType, contentItemId ?? "event:" + slug, title, EventTypes.EventPath + "/" + slug, ContentStore.Serialize(content));
    }
}

/// <summary>Dates and times of event recipes: Brussels wall-clock time unless an offset is given.</summary>
public static class RecipeTimes
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public static DateTime WallClock(string text, string field)
    {
        var value = text.Trim();
        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return DateTime.SpecifyKind(BrusselsTime.ToLocal(instant).DateTime, DateTimeKind.Unspecified);
        }

        throw new RecipeStepFormatException(EventsText.Format("RecipeErrorEventDate", text, field));
    }

    public static DateOnly Date(string text, string field) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new RecipeStepFormatException(EventsText.Format("RecipeErrorEventDay", text, field));
}
