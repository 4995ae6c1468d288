using System.Text.Json.Nodes;

namespace Municipal.Core.Recipes;

/// <summary>A recipe whose every step was read and checked; ready to run against one tenant.</summary>
public sealed record PreparedRecipe(string Name, IReadOnlyList<PreparedStep> Steps);

public sealed record PreparedStep(RecipeStepPosition Position, Func<RecipeExecutionContext, CancellationToken, Task> Execute);

/// <summary>Values a recipe may insert in any string: {{tenant.name}}, {{tenant.displayName}}, {{tenant.host}}.</summary>
public sealed record RecipeVariables(string Name, string DisplayName, string? Host)
{
    public string Expand(string value) => value.Contains("{{", StringComparison.Ordinal)
        ? value.Replace("{{tenant.name}}", Name, StringComparison.Ordinal)
            .Replace("{{tenant.displayName}}", DisplayName, StringComparison.Ordinal)
            .Replace("{{tenant.host}}", Host ?? string.Empty, StringComparison.Ordinal)
        : value;
}

/// <summary>Finds a recipe by name or path, reads its JSON and prepares each step with the step kinds the modules offer.</summary>
public sealed class RecipeParser(IEnumerable<IRecipeStep> stepKinds, DataPaths paths)
{
    private const string Extension = ".recipe.json";

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly Dictionary<string, IRecipeStep> _steps = stepKinds.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>
    /// Reads recipes/&lt;name&gt;.recipe.json; with <paramref name="allowPath"/> (the command line) also a file path.
    /// The HTTP API passes false: a remote caller never names a file of the server.
    /// </summary>
    public async Task<(string Name, string Json)> LoadAsync(string nameOrPath, bool allowPath, CancellationToken cancellationToken = default)
    {
        string file;
        if (TenantNames.ValidateName(nameOrPath) is null)
        {
            file = Path.Combine(paths.Recipes, nameOrPath + Extension);
        }
        else if (allowPath && (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains('/', StringComparison.Ordinal)))
        {
            file = Path.GetFullPath(nameOrPath);
        }
        else
        {
            throw new RecipeException(CoreText.Format("RecipeErrorInvalidName", nameOrPath));
        }

        if (!File.Exists(file))
        {
            throw new RecipeException(CoreText.Format("RecipeErrorNotFound", file));
        }

        var name = Path.GetFileName(file);
        name = name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? name[..^Extension.Length] : Path.GetFileNameWithoutExtension(name);
        return (name, await File.ReadAllTextAsync(file, Encoding.UTF8, cancellationToken));
    }

    /// <summary>Reads and checks every step; nothing runs. Throws <see cref="RecipeException"/> naming the step and the reason.</summary>
    public PreparedRecipe Prepare(string recipeName, string json, RecipeVariables variables)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new RecipeException(CoreText.Format("RecipeErrorInvalidJson", recipeName, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1), ex);
        }

        if (root is not JsonObject recipe)
        {
            throw new RecipeException(CoreText.Format("RecipeErrorNotAnObject", recipeName));
        }

        if (recipe["name"] is JsonValue nameValue && nameValue.TryGetValue<string>(out var declared) && !string.IsNullOrWhiteSpace(declared))
        {
            recipeName = declared;
        }

        if (recipe["steps"] is not JsonArray steps)
        {
            throw new RecipeException(CoreText.Format("RecipeErrorNoSteps", recipeName));
        }

        var prepared = new List<PreparedStep>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            prepared.Add(PrepareStep(recipeName, i + 1, steps[i], variables));
        }

        return new PreparedRecipe(recipeName, prepared);
    }

    private PreparedStep PrepareStep(string recipeName, int number, JsonNode? node, RecipeVariables variables)
    {
        if (node is not JsonObject step)
        {
            throw RecipeException.ForStep(recipeName, new RecipeStepPosition(number, "?"), CoreText.Get("RecipeErrorStepNotAnObject"));
        }

        var name = step["step"] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        var position = new RecipeStepPosition(number, name ?? "?");
        if (name is null)
        {
            throw RecipeException.ForStep(recipeName, position, CoreText.Get("RecipeErrorStepNoType"));
        }

        if (!_steps.TryGetValue(name, out var kind))
        {
            throw RecipeException.ForStep(recipeName, position, CoreText.Format("RecipeErrorUnknownStep", name, string.Join(", ", _steps.Keys.Order(StringComparer.Ordinal))));
        }

        var body = (JsonObject)Expand(step.DeepClone(), variables)!;
        body.Remove("step");
        try
        {
            return new PreparedStep(position, kind.Prepare(body));
        }
        catch (RecipeStepFormatException ex)
        {
            throw RecipeException.ForStep(recipeName, position, ex.Message);
        }
    }

    private static JsonNode? Expand(JsonNode? node, RecipeVariables variables)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Expand(obj[key]?.DeepClone(), variables);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Expand(array[i]?.DeepClone(), variables);
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(variables.Expand(text));
            default:
                return node;
        }
    }
}
