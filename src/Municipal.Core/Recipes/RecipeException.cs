namespace Municipal.Core.Recipes;

/// <summary>A recipe that cannot be read or whose step failed; the message names the recipe, the step and why.</summary>
public sealed class RecipeException : Exception
{
    public RecipeException(string message)
        : base(message)
    {
    }

    public RecipeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecipeException()
    {
    }

    public static RecipeException ForStep(string recipe, RecipeStepPosition position, string reason, Exception? inner = null)
    {
        var message = CoreText.Format("RecipeErrorAtStep", recipe, position.Number, position.Name, reason);
        return inner is null ? new RecipeException(message) : new RecipeException(message, inner);
    }
}

/// <summary>Where a step stands in its recipe: 1-based number and step name.</summary>
public sealed record RecipeStepPosition(int Number, string Name);
