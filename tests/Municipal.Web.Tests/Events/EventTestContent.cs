using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Events.Model;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Events;

/// <summary>Events and agendas saved through the ContentManager, as an editor's publication would (no editor, no recipe).</summary>
public static class EventTestContent
{
    public static EventContent Event(string title, EventSchedule schedule, string category = "marche", params OccurrenceStatus[] statuses) =>
        new(title, $"Résumé de {title}", RichText.Empty, schedule, category,
            Venue: new EventVenue("Place Communale", "Rue Haute", "12", "3", "5000", "Namur", 50.4669, 4.8675),
            StatusChanges: statuses);

    public static async Task<ContentItemRecord> PublishAsync(AsyncServiceScope scope, string slug, EventContent content, string? id = null)
    {
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        return await manager.SaveAndPublishAsync(Draft(slug, content, id), "anne@x.be");
    }

    public static async Task<ContentItemRecord> SaveDraftAsync(AsyncServiceScope scope, string slug, EventContent content) =>
        await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveDraftAsync(Draft(slug, content, null), "anne@x.be");

    public static async Task PublishAgendaAsync(AsyncServiceScope scope, string slug, AgendaContent content) =>
        await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveAndPublishAsync(
            new ContentDraft(EventTypes.Agenda, null, content.Title, $"{EventTypes.AgendaPath}/{slug}", ContentStore.Serialize(content)), "anne@x.be");

    /// <summary>A Brussels wall-clock time <paramref name="days"/> days after the clock's today.</summary>
    public static DateTime Local(StorageFixture fixture, int days, int hour) => Brussels.Today(fixture.Clock).AddDays(days).ToDateTime(new TimeOnly(hour, 0));

    /// <summary>The next <paramref name="month"/>/<paramref name="day"/> after the clock's today (a winter or a summer date, whatever the day of the run).</summary>
    public static DateOnly Next(StorageFixture fixture, int month, int day)
    {
        var today = Brussels.Today(fixture.Clock);
        var date = new DateOnly(today.Year, month, day);
        return date > today ? date : date.AddYears(1);
    }

    private static ContentDraft Draft(string slug, EventContent content, string? id) =>
        new(EventTypes.Event, id, content.Title, $"{EventTypes.EventPath}/{slug}", ContentStore.Serialize(content));
}
