using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin.Content;
using Municipal.Events.Occurrences;

namespace Municipal.Events.Editing;

/// <summary>
/// An event (/evenements/&lt;slug&gt;): what, when and how often, where, by whom, at what price, for whom, in which
/// agendas, shared or not, and the status of each of its next ten dates. Fields are grouped in fieldsets.
/// </summary>
public sealed class EventEditor(TimeProvider clock) : IContentTypeEditor
{
    public const string Category = "category";
    public const string Agendas = "agendas";

    public string ContentType => EventTypes.Event;

    public string DisplayName => EventsText.Get("ContentTypeEvent");

    public string Feature => EventsModule.Feature;

    public bool HasPath => true;

    public string? DefaultPath(string title) => EventTypes.EventPath + "/" + Slugs.FromTitle(title);

    public IReadOnlyList<EditorField> Fields(ContentItemRecord? item) => Fields(item, []);

    /// <summary>The fields, with the tenant's published agendas to list the event in.</summary>
    public async Task<IReadOnlyList<EditorField>> FieldsAsync(ContentItemRecord? item, IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ContentStore>();
        var agendas = await store.ListPublishedAsync(EventTypes.Agenda, 0, 500, cancellationToken);
        var options = agendas
            .Where(a => a.Path is not null && a.Path.StartsWith(EventTypes.AgendaPath + "/", StringComparison.Ordinal))
            .Select(a => new FieldOption(a.Path![(EventTypes.AgendaPath.Length + 1)..], a.DisplayText))
            .OrderBy(o => o.Label, StringComparer.CurrentCulture)
            .ToList();
        return Fields(item, options);
    }

    public EditedContent? Build(EditorValues values, ContentItemRecord? previous)
    {
        var before = previous is null ? null : ContentStore.Read<EventContent>(previous);
        var title = CommonFields.ReadTitle(values);
        var schedule = ScheduleFields.Read(values, before?.Schedule);
        var content = new EventContent(
            title,
            values.OptionalText(CommonFields.Summary),
            values.Rich(CommonFields.Body),
            schedule ?? new EventSchedule(DateTime.MinValue, null),
            values.Text(Category),
            values.Image(CommonFields.Image),
            CommonFields.Taxonomy(values),
            EventPlaceFields.ReadVenue(values),
            EventPlaceFields.ReadLink(values, EventPlaceFields.OnlineUrl),
            EventPlaceFields.ReadOrganiser(values),
            EventPlaceFields.ReadAdmission(values),
            values.Checked(EventPlaceFields.Accessible),
            values.Checked(EventPlaceFields.Shared),
            values.Choices(Agendas) is { Count: > 0 } listed ? listed : null,
            OccurrenceFields.ReadStatuses(values, before?.StatusChanges),
            CommonFields.Seo(values, before?.Seo));
        return values.IsValid && schedule is not null ? new EditedContent(title, ContentStore.Serialize(content)) : null;
    }

    private List<EditorField> Fields(ContentItemRecord? item, IReadOnlyList<FieldOption> agendas)
    {
        var content = item is null ? null : ContentStore.Read<EventContent>(item);
        var culture = CultureInfo.CurrentUICulture;
        var what = EventsText.Get("EventGroupWhat");
        var diffusion = EventsText.Get("EventGroupDiffusion");
        var categories = EventCategories.All.Select(c => new FieldOption(c, EventCategories.Label(c))).ToList();
        var listed = content?.Agendas ?? [];

        // Agendas gone since stay listed (and can be unticked).
        var agendaOptions = agendas.Concat(listed.Where(l => agendas.All(a => a.Value != l)).Select(l => new FieldOption(l, l))).ToList();
        var fields = new List<EditorField>
        {
            CommonFields.TitleField(content?.Title),
            CommonFields.SummaryField(content?.Summary) with { Group = what },
            CommonFields.BodyField(content?.Body) with { Group = what },
            CommonFields.ImageField(content?.Image) with { Group = what },
            new SelectField(Category, EventsText.Get("EventFieldCategory"), [new(string.Empty, EventsText.Get("EventFieldCategoryChoose")), .. categories], content?.Category ?? string.Empty) { Required = true, Group = what },
        };
        fields.AddRange(ScheduleFields.Fields(content?.Schedule, culture));
        fields.AddRange(EventPlaceFields.Fields(content));
        fields.Add(new CheckboxField(EventPlaceFields.Shared, EventsText.Get("EventFieldShared"), content?.Shared ?? false) { Hint = EventsText.Get("EventFieldSharedHint"), Group = diffusion });
        if (agendaOptions.Count > 0)
        {
            fields.Add(new ChoicesField(Agendas, EventsText.Get("EventFieldAgendas"), agendaOptions, listed) { Hint = EventsText.Get("EventFieldAgendasHint"), Group = diffusion });
        }

        fields.AddRange(CommonFields.TaxonomyFields(content?.Taxonomy).Select(f => f with { Group = diffusion }));
        fields.Add(CommonFields.MetaDescriptionField(content?.Seo) with { Group = diffusion });
        if (content is not null)
        {
            fields.AddRange(OccurrenceFields.Fields(content, clock.GetUtcNow(), culture));
        }

        return fields;
    }
}
