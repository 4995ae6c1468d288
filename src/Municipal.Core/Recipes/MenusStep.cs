namespace Municipal.Core.Recipes;

/// <summary>{"step": "menus", "menus": [{"name": "main", "items": [{"label": "...", "url": "/...", "children": []}]}]}</summary>
public sealed record MenusStepModel(IReadOnlyList<MenuModel> Menus);

public sealed record MenuModel(string Name, IReadOnlyList<MenuItem> Items);

public sealed class MenusStep : RecipeStep<MenusStepModel>
{
    public override string Name => "menus";

    protected override IEnumerable<string> Validate(MenusStepModel model)
    {
        foreach (var menu in model.Menus)
        {
            if (string.IsNullOrWhiteSpace(menu.Name))
            {
                yield return CoreText.Get("RecipeErrorMenuWithoutName");
            }

            foreach (var item in Flatten(menu.Items))
            {
                if (string.IsNullOrWhiteSpace(item.Label) || string.IsNullOrWhiteSpace(item.Url))
                {
                    yield return CoreText.Format("RecipeErrorMenuLink", menu.Name);
                }
            }
        }
    }

    protected override async Task ExecuteAsync(MenusStepModel model, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var store = context.Services.GetRequiredService<MenuStore>();
        foreach (var menu in model.Menus)
        {
            await store.SaveAsync(menu.Name, menu.Items, cancellationToken);
        }
    }

    private static IEnumerable<MenuItem> Flatten(IEnumerable<MenuItem> items) =>
        items.SelectMany(i => new[] { i }.Concat(Flatten(i.Children ?? [])));
}
