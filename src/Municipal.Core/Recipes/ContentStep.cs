using System.Text.Json.Nodes;

namespace Municipal.Core.Recipes;

/// <summary>Reads one content item of a recipe for a content type a module defines.</summary>
public interface IContentRecipeHandler
{
    string ContentType { get; }

    /// <summary>Reads the item's fields (without "type" and "id"); throws <see cref="RecipeStepFormatException"/> when malformed.</summary>
    ContentDraft Read(string? contentItemId, JsonObject fields);

    /// <summary>
    /// Runs just before the item is saved, with the tenant's services, for checks reading needs them for (another
    /// tenant exists...); throws <see cref="RecipeStepFormatException"/>. The recipe stays all or nothing.
    /// </summary>
    ValueTask<ContentDraft> CompleteAsync(ContentDraft draft, JsonObject fields, RecipeExecutionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(draft);
}

/// <summary>A content type whose recipe items deserialize into <typeparamref name="TModel"/>.</summary>
public abstract class ContentRecipeHandler<TModel> : IContentRecipeHandler
    where TModel : class
{
    public abstract string ContentType { get; }

    public ContentDraft Read(string? contentItemId, JsonObject fields) => ToDraft(contentItemId, RecipeJson.Read<TModel>(fields));

    protected abstract ContentDraft ToDraft(string? contentItemId, TModel model);
}

/// <summary>
/// {"step": "content", "items": [{"type": "Page", "id": "optional-stable-id", "status": "published|draft",
/// "publishAt": "2026-12-01T08:00:00Z", "unpublishAt": "...", ...fields of the type}]}
/// </summary>
public sealed record ContentStepModel(IReadOnlyList<JsonObject> Items);

public sealed class ContentStep(IEnumerable<IContentRecipeHandler> handlers) : IRecipeStep
{
    private readonly Dictionary<string, IContentRecipeHandler> _handlers = handlers.ToDictionary(h => h.ContentType, StringComparer.Ordinal);

    public string Name => "content";

    public Func<RecipeExecutionContext, CancellationToken, Task> Prepare(JsonObject step)
    {
        var model = RecipeJson.Read<ContentStepModel>(step);
        var drafts = new List<(ContentDraft Draft, bool Publish, DateTimeOffset? PublishAt, DateTimeOffset? UnpublishAt, Completion Completion)>(model.Items.Count);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Items.Count; i++)
        {
            var fields = (JsonObject)model.Items[i].DeepClone();
            var type = Take(fields, "type") ?? throw new RecipeStepFormatException(CoreText.Format("RecipeErrorItemNoType", i + 1));
            var id = Take(fields, "id");
            var status = Take(fields, "status") ?? "published";
            if (status is not ("published" or "draft"))
            {
                throw new RecipeStepFormatException(CoreText.Format("RecipeErrorItemStatus", i + 1, status));
            }

            var publishAt = TakeDate(fields, "publishAt", i);
            var unpublishAt = TakeDate(fields, "unpublishAt", i);
            if (!_handlers.TryGetValue(type, out var handler))
            {
                throw new RecipeStepFormatException(CoreText.Format("RecipeErrorItemUnknownType", i + 1, type, string.Join(", ", _handlers.Keys)));
            }

            ContentDraft draft;
            try
            {
                draft = handler.Read(id, fields);
            }
            catch (RecipeStepFormatException ex)
            {
                throw new RecipeStepFormatException(CoreText.Format("RecipeErrorItem", i + 1, type, ex.Message));
            }

            if (draft.Path is not null && !paths.Add(draft.Path))
            {
                throw new RecipeStepFormatException(CoreText.Format("RecipeErrorItemPathTaken", i + 1, type, draft.Path));
            }

            drafts.Add((draft, status == "published" && publishAt is null, publishAt, unpublishAt, new Completion(handler, fields, i + 1)));
        }

        return async (context, cancellationToken) =>
        {
            var manager = context.Services.GetRequiredService<ContentManager>();
            foreach (var (prepared, publish, publishAt, unpublishAt, completion) in drafts)
            {
                var draft = await completion.RunAsync(prepared, context, cancellationToken);
                var saved = publish
                    ? await manager.SaveAndPublishAsync(draft, "recette", cancellationToken)
                    : await manager.SaveDraftAsync(draft, "recette", cancellationToken);
                if (publishAt is { } at)
                {
                    await manager.SchedulePublishAsync(saved.ContentItemId, at, cancellationToken);
                }

                if (unpublishAt is { } until)
                {
                    await manager.ScheduleUnpublishAsync(saved.ContentItemId, until, cancellationToken);
                }
            }
        };
    }

    private sealed record Completion(IContentRecipeHandler Handler, JsonObject Fields, int Position)
    {
        public async ValueTask<ContentDraft> RunAsync(ContentDraft draft, RecipeExecutionContext context, CancellationToken cancellationToken)
        {
            try
            {
                return await Handler.CompleteAsync(draft, Fields, context, cancellationToken);
            }
            catch (RecipeStepFormatException ex)
            {
                throw new RecipeStepFormatException(CoreText.Format("RecipeErrorItem", Position, Handler.ContentType, ex.Message));
            }
        }
    }

    private static DateTimeOffset? TakeDate(JsonObject fields, string name, int index)
    {
        var text = Take(fields, name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new RecipeStepFormatException(CoreText.Format("RecipeErrorItemDate", index + 1, text, name));
    }

    private static string? Take(JsonObject fields, string name)
    {
        var value = fields[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        fields.Remove(name);
        return value;
    }
}
