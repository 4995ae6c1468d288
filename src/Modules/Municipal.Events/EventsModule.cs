using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Modules;
using Municipal.Core.Sharing;
using Municipal.Core.Storage;
using Municipal.Events.Agendas;
using Municipal.Core.Recipes;
using Municipal.Events.Api;
using Municipal.Events.Feeds;
using Municipal.Events.Occurrences;
using Municipal.Events.Sharing;
using Municipal.Events.Proposals;
using Municipal.Events.Recipes;
using Municipal.Events.Public;
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
        services.AddScoped<OccurrenceRebuilder>();
        services.AddScoped<AgendaQuery>();

        // Sharing between municipalities: what a shared, published event puts in the host's catalogue.
        services.AddSingleton<ISharedContentProjector, EventSharedProjector>();
        // Recipes: events and agendas of the demo, the standard municipality and the tourism office.
        services.AddSingleton<IContentRecipeHandler, EventRecipeHandler>();
        services.AddSingleton<IContentRecipeHandler, AgendaRecipeHandler>();

        // Citizens propose events: accepting a request of a form mapped onto "Event" makes a draft for review.
        services.AddScoped<IRequestContentTarget, EventProposalTarget>();
        // Public pages: /agenda, /agenda/<slug>, the event pages (own and shared), the home block, the sitemap, the menu editor's choices.
        services.AddScoped<AgendaScopes>();
        services.AddScoped<AgendaPages>();
        services.AddScoped<EventPages>();
        services.AddScoped<IContentDisplay, AgendaDisplay>();
        services.AddScoped<IContentDisplay, EventDisplay>();
        services.AddSingleton<IHomeListSource, NextEventsList>();
        services.AddSingleton(new ModulePage(EventTypes.AgendaPath, Feature));
        services.AddScoped<IMenuLinkSource, AgendaLinkTargets>();
        // iCalendar feeds and the JSON API: /agenda.ics, /agenda/<slug>.ics, /evenements/<slug>.ics, /api/events.
        services.AddScoped<FeedSources>();
        // Back office: the event and agenda editors (fields, recurrence controls, next dates with their status).
        services.AddSingleton<Municipal.Admin.Content.IContentTypeEditor, Editing.EventEditor>();
        services.AddSingleton<Municipal.Admin.Content.IContentTypeEditor, Editing.AgendaEditor>();
        services.AddSingleton(new Municipal.Admin.AdminMenuItem("SharedEventsNav", Editing.SharedEventsPage.Path, Municipal.Core.Security.AdminPermissions.EditContent, Order: 12, Feature: Feature));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Public pages.
        AgendaPages.Map(endpoints);
        EventPages.Map(endpoints);
        // iCalendar feeds and the JSON API.
        endpoints.MapEventFeeds();
        endpoints.MapEventsApi();
        // Back office: the events other municipalities share that this tenant's agendas select.
        Editing.SharedEventsPage.MapSharedEventsPage(endpoints);
    }
}
