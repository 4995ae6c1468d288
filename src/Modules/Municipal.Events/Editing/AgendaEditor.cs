using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin.Content;
using Municipal.Core.Sharing;
using Municipal.Core.Tenancy;

namespace Municipal.Events.Editing;

/// <summary>
/// An agenda (/agenda/&lt;slug&gt;): title, introduction, which of the tenant's own events it shows, and for each
/// municipality that shares events (<see cref="ISharedCatalog.SourcesAsync"/>) a checkbox and what narrows it:
/// categories, topics, postal codes.
/// </summary>
public sealed class AgendaEditor : IContentTypeEditor
{
    public const string Intro = "intro";
    public const string OwnEvents = "own-events";
    public const string SourcePrefix = "source-";

    public string ContentType => EventTypes.Agenda;

    public string DisplayName => EventsText.Get("ContentTypeAgenda");

    public string Feature => EventsModule.Feature;

    public bool HasPath => true;

    public string? DefaultPath(string title) => EventTypes.AgendaPath + "/" + Slugs.FromTitle(title);

    public IReadOnlyList<EditorField> Fields(ContentItemRecord? item) => Fields(item, []);

    public async Task<IReadOnlyList<EditorField>> FieldsAsync(ContentItemRecord? item, IServiceProvider services, CancellationToken cancellationToken)
    {
        var tenant = services.GetRequiredService<TenantContext>().Tenant.Name;
        var sources = await services.GetRequiredService<ISharedCatalog>().SourcesAsync(tenant, EventTypes.Event, cancellationToken);
        return Fields(item, sources.Where(s => s.Tenant != tenant).ToList());
    }

    public EditedContent? Build(EditorValues values, ContentItemRecord? previous)
    {
        var title = CommonFields.ReadTitle(values);
        var own = Enum.TryParse<OwnEventsRule>(values.Text(OwnEvents), out var rule) ? rule : OwnEventsRule.All;
        var sources = new List<AgendaSource>();
        foreach (var box in values.Fields.OfType<CheckboxField>().Where(f => f.Name.StartsWith(SourcePrefix, StringComparison.Ordinal) && f.Value))
        {
            var tenant = box.Name[SourcePrefix.Length..];
            if (box.Hint is not null)
            {
                // A source that no longer shares (or never did): the editor must untick it.
                values.Fail(box.Name, EventsText.Format("AgendaErrorUnknownSource", tenant));
                continue;
            }

            sources.Add(new AgendaSource(
                tenant,
                values.Choices(box.Name + "-categories"),
                ReadList(values, box.Name + "-topics", Slugs.IsSlug, "AgendaErrorTopic"),
                ReadList(values, box.Name + "-postal-codes", IsPostalCode, "AgendaErrorPostalCode")));
        }

        var content = new AgendaContent(title, values.OptionalText(Intro), own, sources);
        return values.IsValid ? new EditedContent(title, ContentStore.Serialize(content)) : null;
    }

    private static List<EditorField> Fields(ContentItemRecord? item, List<SharedSourceSummary> sharing)
    {
        var content = item is null ? null : ContentStore.Read<AgendaContent>(item);
        var chosen = content?.Sources ?? [];
        var ownGroup = EventsText.Get("AgendaGroupOwn");
        var fields = new List<EditorField>
        {
            CommonFields.TitleField(content?.Title),
            new MultilineField(Intro, EventsText.Get("AgendaFieldIntro"), content?.Intro ?? string.Empty),
            new SelectField(
                OwnEvents,
                EventsText.Get("AgendaFieldOwnEvents"),
                Enum.GetValues<OwnEventsRule>().Select(r => new FieldOption(r.ToString(), EventsText.Get("OwnEvents_" + r))).ToList(),
                (content?.OwnEvents ?? OwnEventsRule.All).ToString()) { Group = ownGroup },
        };
        var categories = EventCategories.All.Select(c => new FieldOption(c, EventCategories.Label(c))).ToList();
        var known = sharing.Select(s => (s.Tenant, Legend: EventsText.Format("AgendaSourceLegend", s.DisplayName, s.Count), Stale: false));
        var stale = chosen.Where(c => sharing.All(s => s.Tenant != c.Tenant)).Select(c => (c.Tenant, Legend: EventsText.Format("AgendaSourceStaleLegend", c.Tenant), Stale: true));
        foreach (var (tenant, legend, isStale) in known.Concat(stale))
        {
            var rule = chosen.FirstOrDefault(c => c.Tenant == tenant);
            var name = SourcePrefix + tenant;
            fields.Add(new CheckboxField(name, EventsText.Get("AgendaFieldSourceOn"), rule is not null) { Group = legend, Hint = isStale ? EventsText.Get("AgendaSourceStaleHint") : null });
            fields.Add(new ChoicesField(name + "-categories", EventsText.Get("AgendaFieldSourceCategories"), categories, rule?.Categories ?? []) { Group = legend, Hint = EventsText.Get("AgendaFieldSourceAnyHint") });
            fields.Add(new TextField(name + "-topics", EventsText.Get("AgendaFieldSourceTopics"), string.Join(", ", rule?.Topics ?? [])) { Group = legend, Hint = EventsText.Get("AgendaFieldSourceTopicsHint") });
            fields.Add(new TextField(name + "-postal-codes", EventsText.Get("AgendaFieldSourcePostalCodes"), string.Join(", ", rule?.PostalCodes ?? [])) { Group = legend, Hint = EventsText.Get("AgendaFieldSourcePostalCodesHint") });
        }

        if (sharing.Count == 0 && chosen.Count == 0)
        {
            fields.Add(new NoteField("sources-none", EventsText.Get("AgendaFieldSources"), EventsText.Get("AgendaNoSources")));
        }

        return fields;
    }

    /// <summary>A list typed with commas or spaces; each entry checked.</summary>
    private static List<string> ReadList(EditorValues values, string name, Func<string, bool> valid, string errorKey)
    {
        var entries = values.Text(name).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (entries.FirstOrDefault(e => !valid(e)) is { } bad)
        {
            values.Fail(name, EventsText.Format(errorKey, bad));
        }

        return entries;
    }

    private static bool IsPostalCode(string text) => text.Length is >= 4 and <= 10 && text.All(char.IsAsciiLetterOrDigit);
}
