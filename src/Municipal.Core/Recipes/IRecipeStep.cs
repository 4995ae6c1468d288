using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Municipal.Core.Recipes;

/// <summary>
/// A kind of step a recipe may contain. Preparing reads and checks the step's JSON into a typed model before
/// anything runs, so a malformed recipe fails before it touches a tenant.
/// </summary>
public interface IRecipeStep
{
    /// <summary>The value of the "step" property that selects this step.</summary>
    string Name { get; }

    /// <summary>Reads the step; throws <see cref="RecipeStepFormatException"/> with the reason when it is malformed.</summary>
    Func<RecipeExecutionContext, CancellationToken, Task> Prepare(JsonObject step);
}

/// <summary>The step's JSON does not fit its model.</summary>
public sealed class RecipeStepFormatException(string message) : Exception(message)
{
    public RecipeStepFormatException()
        : this(CoreText.Get("RecipeErrorInvalidFormat"))
    {
    }

    public RecipeStepFormatException(string message, Exception innerException)
        : this(message + " " + innerException.Message)
    {
    }
}

/// <summary>A step whose JSON is deserialized into <typeparamref name="TModel"/>, a record with required members.</summary>
public abstract class RecipeStep<TModel> : IRecipeStep
    where TModel : class
{
    public abstract string Name { get; }

    public Func<RecipeExecutionContext, CancellationToken, Task> Prepare(JsonObject step)
    {
        var model = RecipeJson.Read<TModel>(step);
        var errors = Validate(model).ToList();
        if (errors.Count > 0)
        {
            throw new RecipeStepFormatException(string.Join(" ; ", errors));
        }

        return (context, cancellationToken) => ExecuteAsync(model, context, cancellationToken);
    }

    /// <summary>Checks beyond the JSON shape (known feature, unique path...); each string is one problem.</summary>
    protected virtual IEnumerable<string> Validate(TModel model) => [];

    protected abstract Task ExecuteAsync(TModel model, RecipeExecutionContext context, CancellationToken cancellationToken);
}

/// <summary>The JSON conventions of recipes: camelCase, required members enforced, unknown members refused (typos show).</summary>
public static class RecipeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowOutOfOrderMetadataProperties = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    public static T Read<T>(JsonNode node)
        where T : class
    {
        try
        {
            return node.Deserialize<T>(Options) ?? throw new RecipeStepFormatException(CoreText.Get("RecipeErrorEmptyValue"));
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? string.Empty : CoreText.Format("RecipeErrorJsonPath", ex.Path);
            throw new RecipeStepFormatException(Explain(ex) + where);
        }
    }

    private static string Explain(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
