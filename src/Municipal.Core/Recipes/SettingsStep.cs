using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Display;

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
            yield return $"couleur « {color} » invalide (format #rrggbb attendu)";
        }
        else if (model.Site?.PrimaryColor is { } c && ColorContrast.AgainstWhite(c) < ColorContrast.MinimumTextContrast)
        {
            yield return $"la couleur {c} n'a qu'un contraste de {ColorContrast.AgainstWhite(c):0.00}:1 avec le blanc (4,5:1 au moins)";
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
