namespace Municipal.Core.Recipes;

/// <summary>{"step": "settings", "site": { "tagline": "...", "contactEmail": "..." }, "accessibility": { "status": "partial", ... }}</summary>
public sealed record SettingsStepModel(SiteSettings? Site = null, AccessibilitySettings? Accessibility = null);

public sealed class SettingsStep : RecipeStep<SettingsStepModel>
{
    public override string Name => "settings";

    protected override IEnumerable<string> Validate(SettingsStepModel model)
    {
        if (model.Site?.PrimaryColor is { } color && !ColorContrast.TryParseHex(color, out _))
        {
            yield return CoreText.Format("RecipeErrorInvalidColor", color);
        }
        else if (model.Site?.PrimaryColor is { } c && ColorContrast.AgainstWhite(c) < ColorContrast.MinimumTextContrast)
        {
            yield return CoreText.Format("RecipeErrorLowContrast", c, ColorContrast.AgainstWhite(c));
        }
    }

    protected override async Task ExecuteAsync(SettingsStepModel model, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var store = context.Services.GetRequiredService<SiteSettingsStore>();
        if (model.Site is not null)
        {
            await store.SaveAsync(model.Site, cancellationToken);
        }

        if (model.Accessibility is not null)
        {
            await store.SaveAsync(model.Accessibility, cancellationToken);
        }
    }
}
