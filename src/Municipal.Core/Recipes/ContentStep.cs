using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;

namespace Municipal.Core.Recipes;

/// <summary>Reads one content item of a recipe for a content type a module defines.</summary>
public interface IContentRecipeHandler
{
    string ContentType { get; }

    /// <summary>Reads the item's fields (without "type" and "id"); throws <see cref="RecipeStepFormatException"/> when malformed.</summary>
    ContentDraft Read(string? contentItemId, JsonObject fields);
}

/// <summary>A content type whose recipe items deserialize into <typeparamref name="TModel"/>.</summary>
public abstract class ContentRecipeHandler<TModel> : IContentRecipeHandler
    where TModel : class
{
    public abstract string ContentType { get; }

    public ContentDraft Read(string? contentItemId, JsonObject fields) => ToDraft(contentItemId, RecipeJson.Read<TModel>(fields));

    protected abstract ContentDraft ToDraft(string? contentItemId, TModel model);
}

/// <summary>{"step": "content", "items": [{"type": "Page", "id": "optional-stable-id", ...fields of the type}]}</summary>
public sealed record ContentStepModel(IReadOnlyList<JsonObject> Items);

public sealed class ContentStep(IEnumerable<IContentRecipeHandler> handlers) : IRecipeStep
{
    private readonly Dictionary<string, IContentRecipeHandler> _handlers = handlers.ToDictionary(h => h.ContentType, StringComparer.Ordinal);

    public string Name => "content";

    public Func<RecipeExecutionContext, CancellationToken, Task> Prepare(JsonObject step)
    {
        var model = RecipeJson.Read<ContentStepModel>(step);
        var drafts = new List<ContentDraft>(model.Items.Count);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Items.Count; i++)
        {
            var fields = (JsonObject)model.Items[i].DeepClone();
            var type = Take(fields, "type") ?? throw new RecipeStepFormatException($"élément {i + 1} : \"type\" est obligatoire.");
            var id = Take(fields, "id");
            if (!_handlers.TryGetValue(type, out var handler))
            {
                throw new RecipeStepFormatException($"élément {i + 1} : type de contenu inconnu « {type} » (connus : {string.Join(", ", _handlers.Keys)}).");
            }

            ContentDraft draft;
            try
            {
                draft = handler.Read(id, fields);
            }
            catch (RecipeStepFormatException ex)
            {
                throw new RecipeStepFormatException($"élément {i + 1} ({type}) : {ex.Message}");
            }

            if (draft.Path is not null && !paths.Add(draft.Path))
            {
                throw new RecipeStepFormatException($"élément {i + 1} ({type}) : l'adresse « /{draft.Path} » est déjà prise par un autre élément de la recette.");
            }

            drafts.Add(draft);
        }

        return async (context, cancellationToken) =>
        {
            var store = context.Services.GetRequiredService<ContentStore>();
            foreach (var draft in drafts)
            {
                await store.PublishAsync(draft, "recipe", cancellationToken);
            }
        };
    }

    private static string? Take(JsonObject fields, string name)
    {
        var value = fields[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        fields.Remove(name);
        return value;
    }
}
