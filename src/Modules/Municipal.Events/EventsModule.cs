using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Modules;
using Municipal.Core.Storage;
using Municipal.Events.Agendas;
using Municipal.Events.Occurrences;
using Municipal.Events.Storage;

namespace Municipal.Events;

/// <summary>
/// Events and agendas: the Event and Agenda types, the occurrence index kept at publication, the public agenda, the
/// event pages, the iCalendar feeds and the JSON API, and the sharing of events between municipalities.
/// </summary>
public sealed class EventsModule : IMunicipalModule
{
    public const string Feature = "events";

    public string Name => "Events";

    // Read on each call: the name and description follow the culture of whoever lists the features.
    public IReadOnlyList<FeatureInfo> Features =>
        [new(Feature, EventsText.Get("FeatureEventsName"), EventsText.Get("FeatureEventsDescription"))];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<EventsDbContext>("__EventsMigrations");
        services.AddSingleton(new ModuleTemplates(Name, new EmbeddedAssets(typeof(EventsModule).Assembly, "Views")));
        services.AddSingleton(new ModuleTexts(Name, EventsText.Resources));

        // Occurrences: expanded at publication into the index the agenda reads.
        services.AddScoped<IContentEventHandler, OccurrenceIndexer>();
        services.AddScoped<AgendaQuery>();

        // Back office: the event and agenda editors (fields, recurrence controls, next dates with their status).
        services.AddSingleton<Municipal.Admin.Content.IContentTypeEditor, Editing.EventEditor>();
        services.AddSingleton<Municipal.Admin.Content.IContentTypeEditor, Editing.AgendaEditor>();
        services.AddSingleton(new Municipal.Admin.AdminMenuItem("SharedEventsNav", Editing.SharedEventsPage.Path, Municipal.Core.Security.AdminPermissions.EditContent, Order: 12, Feature: Feature));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Back office: the events other municipalities share that this tenant's agendas select.
        Editing.SharedEventsPage.MapSharedEventsPage(endpoints);
    }
}
