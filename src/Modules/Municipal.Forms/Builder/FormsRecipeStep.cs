using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Storage;
using Municipal.Core.Recipes;

namespace Municipal.Forms.Builder;

/// <summary>
/// <c>{ "step": "forms", "forms": [ { form definition in the schema shape, see FormSchemaJson } ] }</c>.
/// Each form is saved as its next version when it differs from the tenant's latest one, so applying the same recipe
/// again changes nothing, and a region rolls a changed shared form out by applying the recipe to every tenant. A
/// form the officers disabled stays disabled. Every form is read and checked before anything is written.
/// </summary>
public sealed class FormsRecipeStep : IRecipeStep
{
    public string Name => "forms";

    public Func<RecipeExecutionContext, CancellationToken, Task> Prepare(JsonObject step)
    {
        foreach (var property in step)
        {
            if (property.Key is not ("step" or "forms"))
            {
                throw new RecipeStepFormatException(FormsText.Format("FormsRecipeUnknownProperty", property.Key));
            }
        }

        if (step["forms"] is not JsonArray list || list.Count == 0)
        {
            throw new RecipeStepFormatException(FormsText.Get("FormsRecipeFormsNotList"));
        }

        var forms = new List<FormDefinition>();
        for (var index = 0; index < list.Count; index++)
        {
            var read = FormSchemaJson.Read(list[index]?.ToJsonString() ?? "null");
            if (read.Form is null)
            {
                throw new RecipeStepFormatException(FormsText.Format("FormsRecipeFormInvalid", index + 1, read.Error ?? string.Empty));
            }

            if (forms.Any(f => f.Slug == read.Form.Slug))
            {
                throw new RecipeStepFormatException(FormsText.Format("FormsRecipeSlugTaken", index + 1, read.Form.Slug));
            }

            forms.Add(read.Form);
        }

        return (context, cancellationToken) => SaveAsync(forms, context, cancellationToken);
    }

    private static async Task SaveAsync(List<FormDefinition> forms, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        // The forms join the recipe's transaction on the same connection: with SQLite a second connection would wait
        // on the recipe's write lock, and the recipe must stay all-or-nothing.
        var tenantDb = context.Services.GetRequiredService<TenantDbContext>();
        var formsDb = context.Services.GetRequiredService<FormsDbContext>();
        if (tenantDb.Database.CurrentTransaction is { } transaction)
        {
            formsDb.Database.SetDbConnection(tenantDb.Database.GetDbConnection());
            await formsDb.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        }

        var store = context.Services.GetRequiredService<FormStore>();
        for (var index = 0; index < forms.Count; index++)
        {
            // The content type a form's "createsContent" names is known only to the modules of the host.
            if (store.Check(forms[index]) is { Count: > 0 } problems)
            {
                throw new RecipeStepFormatException(FormsText.Format("FormsRecipeFormInvalid", index + 1, string.Join(" ", problems)));
            }
        }

        foreach (var form in forms)
        {
            await store.SaveAsync(form, cancellationToken);
        }
    }
}
