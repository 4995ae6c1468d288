using Municipal.Core.Modules;

namespace Municipal.Core.Recipes;

/// <summary>{"step": "features", "enable": ["pages"], "disable": []}</summary>
public sealed record FeaturesStepModel(IReadOnlyList<string>? Enable = null, IReadOnlyList<string>? Disable = null);

public sealed class FeaturesStep(ModuleCatalog catalog) : RecipeStep<FeaturesStepModel>
{
    public override string Name => "features";

    protected override IEnumerable<string> Validate(FeaturesStepModel model) =>
        (model.Enable ?? []).Concat(model.Disable ?? [])
            .Where(id => !catalog.IsKnownFeature(id))
            .Select(id => CoreText.Format("RecipeErrorUnknownFeature", id, string.Join(", ", catalog.Features.Select(f => f.Id))));

    protected override Task ExecuteAsync(FeaturesStepModel model, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var id in model.Enable ?? [])
        {
            context.Features.Add(id.ToLowerInvariant());
        }

        foreach (var id in model.Disable ?? [])
        {
            context.Features.Remove(id.ToLowerInvariant());
        }

        return Task.CompletedTask;
    }
}
