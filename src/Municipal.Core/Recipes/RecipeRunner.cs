namespace Municipal.Core.Recipes;

/// <summary>Runs a prepared recipe's steps in order, in one transaction of the tenant database.</summary>
public static class RecipeRunner
{
    public static async Task RunAsync(PreparedRecipe recipe, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        // Steps share the scope's TenantDbContext, so one transaction makes the whole recipe all-or-nothing
        // for a running tenant too (a new tenant is dropped as a whole on failure anyway).
        var db = context.Services.GetRequiredService<TenantDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var step in recipe.Steps)
        {
            try
            {
                await step.Execute(context, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not RecipeException)
            {
                // A database refusal explains itself in its inner exception.
                var reason = ex is DbUpdateException { InnerException: { } inner } ? inner.Message : ex.Message;
                throw RecipeException.ForStep(recipe.Name, step.Position, reason, ex);
            }
        }

        await transaction.CommitAsync(cancellationToken);

        // Settings, menus and content changed: cached pages of the tenant are stale.
        await context.Services.GetRequiredService<Display.PublicPageCache>().EvictAsync(context.Tenant.Name, cancellationToken);
    }
}
