using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Display;

namespace Municipal.Core.Recipes;

/// <summary>{"step": "settings", "site": { "tagline": "...", "contactEmail": "..." }}</summary>
public sealed record SettingsStepModel(SiteSettings Site);

public sealed class SettingsStep : RecipeStep<SettingsStepModel>
{
    public override string Name => "settings";

    protected override IEnumerable<string> Validate(SettingsStepModel model)
    {
        if (model.Site.PrimaryColor is { } color && !ColorContrast.TryParseHex(color, out _))
        {
            yield return $"couleur « {color} » invalide (format #rrggbb attendu)";
        }
        else if (model.Site.PrimaryColor is { } c && ColorContrast.AgainstWhite(c) < ColorContrast.MinimumTextContrast)
        {
            yield return $"la couleur {c} n'a qu'un contraste de {ColorContrast.AgainstWhite(c):0.00}:1 avec le blanc (4,5:1 au moins)";
        }
    }

    protected override Task ExecuteAsync(SettingsStepModel model, RecipeExecutionContext context, CancellationToken cancellationToken) =>
        context.Services.GetRequiredService<SiteSettingsStore>().SaveAsync(model.Site, cancellationToken);
}
