using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Recipes;
using Municipal.Core.Tenancy;

namespace Municipal.Events.Recipes;

/// <summary>
/// {"type": "Agenda", "title", "slug", "intro", "ownEvents": "all|listed|none", "sources": [{"tenant", "categories",
/// "topics", "postalCodes", "optional"}]}. A source names a tenant of the host; "optional": true drops it quietly
/// when that tenant does not exist (a sample recipe that relays a tenant the host may not have), otherwise the
/// recipe fails.
/// </summary>
public sealed record AgendaRecipeModel(
    string Title,
    string? Slug = null,
    string? Intro = null,
    OwnEventsRule OwnEvents = OwnEventsRule.All,
    IReadOnlyList<AgendaSourceRecipe>? Sources = null);

public sealed record AgendaSourceRecipe(
    string Tenant,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? PostalCodes = null,
    bool Optional = false);

public sealed class AgendaRecipeHandler : ContentRecipeHandler<AgendaRecipeModel>, IContentRecipeHandler
{
    public override string ContentType => EventTypes.Agenda;

    protected override ContentDraft ToDraft(string? contentItemId, AgendaRecipeModel model)
    {
        var title = RecipeContent.Title(model.Title);
        var slug = model.Slug is null ? Slugs.FromTitle(title) : RecipeContent.Slug(model.Slug);
        var sources = new List<AgendaSource>();
        foreach (var source in model.Sources ?? [])
        {
            if (string.IsNullOrWhiteSpace(source.Tenant))
            {
                throw new RecipeStepFormatException(EventsText.Get("RecipeErrorAgendaSourceEmpty"));
            }

            if (source.Categories?.FirstOrDefault(c => !EventCategories.IsKnown(c)) is { } unknown)
            {
                throw new RecipeStepFormatException(EventsText.Format("RecipeErrorEventCategory", unknown, string.Join(", ", EventCategories.All)));
            }

            sources.Add(new AgendaSource(source.Tenant.Trim(), source.Categories ?? [], source.Topics ?? [], source.PostalCodes ?? []));
        }

        var content = new AgendaContent(title, model.Intro?.Trim(), model.OwnEvents, sources);
        return new ContentDraft(ContentType, contentItemId ?? "agenda:" + slug, title, EventTypes.AgendaPath + "/" + slug, ContentStore.Serialize(content));
    }

    /// <summary>Each source's tenant must exist on the host (and not be the tenant itself); optional ones are dropped when it does not.</summary>
    public async ValueTask<ContentDraft> CompleteAsync(ContentDraft draft, JsonObject fields, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var model = RecipeJson.Read<AgendaRecipeModel>(fields);
        var optional = (model.Sources ?? []).Where(s => s.Optional).Select(s => s.Tenant.Trim()).ToHashSet(StringComparer.Ordinal);
        var registry = context.Services.GetRequiredService<TenantRegistry>();
        registry.Invalidate();
        var lookup = await registry.GetLookupAsync(cancellationToken);
        var content = JsonSerializer.Deserialize<AgendaContent>(draft.Data, ContentStore.Json)
            ?? throw new RecipeStepFormatException(CoreText.Get("RecipeErrorEmptyValue"));
        var kept = new List<AgendaSource>();
        foreach (var source in content.Sources)
        {
            if (source.Tenant == context.Tenant.Name)
            {
                throw new RecipeStepFormatException(EventsText.Format("RecipeErrorAgendaSourceSelf", source.Tenant));
            }

            if (lookup.ByName.ContainsKey(source.Tenant))
            {
                kept.Add(source);
            }
            else if (!optional.Contains(source.Tenant))
            {
                throw new RecipeStepFormatException(EventsText.Format("RecipeErrorAgendaSourceUnknown", source.Tenant));
            }
        }

        return kept.Count == content.Sources.Count ? draft : draft with { Data = ContentStore.Serialize(content with { Sources = kept }) };
    }
}
