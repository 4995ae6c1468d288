using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Municipal.Core.Admin;
using Municipal.Core.Admin.Site;
using Municipal.Forms.Model;
using Municipal.Forms.Resources;

namespace Municipal.Forms.Builder;

/// <summary>
/// One field of the form being built: label, machine name (fixed once a request answered it), hint, required, personal
/// data, condition (on an earlier field) and what its type allows. Renaming a field re-points the conditions that test it.
/// </summary>
public static class FormFieldEndpoints
{
    public static void MapFormFields(this RouteGroupBuilder group)
    {
        group.MapGet("/{slug}/etapes/{step:int}/champs/{field:int}", EditAsync);
        group.MapPost("/{slug}/etapes/{step:int}/champs/{field:int}", SaveAsync);
    }

    private static async Task<IResult> EditAsync(string slug, int step, int field, HttpContext http, AdminViews views, FormBuilderStore store)
    {
        var form = await FormBuilderEndpoints.LoadAsync(slug, store, http);
        if (!Exists(form, step, field))
        {
            return FormBuilderEndpoints.NotFound();
        }

        var original = form!.Copy.Steps[step - 1].Fields[field - 1];
        var notice = http.Request.Query["fait"] == "ajoute" ? FormsText.Format("FormsBuilderNoticeFieldAdded", FormStepEndpoints.Short(original.Label)) : null;
        return await RenderAsync(http, views, form, step - 1, field - 1, FieldEditor.FromField(original), notice, [], StatusCodes.Status200OK);
    }

    private static async Task<IResult> SaveAsync(string slug, int step, int field, HttpContext http, AdminViews views, FormBuilderStore store)
    {
        var form = await FormBuilderEndpoints.LoadAsync(slug, store, http);
        if (!Exists(form, step, field))
        {
            return FormBuilderEndpoints.NotFound();
        }

        var (i, j) = (step - 1, field - 1);
        var original = form!.Copy.Steps[i].Fields[j];
        var input = FieldEditor.Read(await http.Request.ReadFormAsync(http.RequestAborted));
        var others = form.Copy.Steps.SelectMany((s, si) => s.Fields.Where((_, fj) => si != i || fj != j)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var (edited, errors) = FieldEditor.Build(original, input, Earlier(form.Copy, i, j), others, form.AnsweredNames.Contains(original.Name));
        if (edited is null)
        {
            var summary = errors.Select(e => new ErrorLinkView(e.Message, "#" + e.Id)).ToList();
            return await RenderAsync(http, views, form, i, j, input, null, summary, StatusCodes.Status400BadRequest);
        }

        var steps = form.Copy.Steps
            .Select((s, si) => s with
            {
                Fields = s.Fields.Select((f, fj) => si == i && fj == j ? edited : BuilderFields.Repoint(f, original.Name, edited.Name)).ToList(),
            })
            .ToList();
        await store.SaveCopyAsync(form.Copy with { Steps = steps }, http.RequestAborted);
        return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Step(slug, i)) + $"?fait=champ&n={j}#field-{j}");
    }

    private static bool Exists(BuilderForm? form, int step, int field) =>
        form is not null && step >= 1 && step <= form.Copy.Steps.Count && field >= 1 && field <= form.Copy.Steps[step - 1].Fields.Count;

    /// <summary>The fields a citizen meets before this one: a condition may test only those.</summary>
    private static List<FormField> Earlier(FormDefinition form, int step, int field) =>
        form.Steps.Take(step).SelectMany(s => s.Fields).Concat(form.Steps[step].Fields.Take(field)).ToList();

    private static Task<IResult> RenderAsync(
        HttpContext http, AdminViews views, BuilderForm form, int i, int j, FieldInput input, string? notice, List<ErrorLinkView> errors, int status)
    {
        var original = form.Copy.Steps[i].Fields[j];
        var heading = FormsText.Format("FormsBuilderFieldTitle", FormStepEndpoints.Short(original.Label));
        var values = new Dictionary<string, object?>
        {
            ["heading"] = heading,
            ["type_label"] = BuilderFields.TypeLabel(original.Type),
            ["step_text"] = FormsText.Format("FormsBuilderFieldOfStep", i + 1, form.Copy.Steps[i].Title),
            ["back_url"] = AdminArea.Url(http, FormBuilderPaths.Step(form.Copy.Slug, i)),
            ["form_action"] = AdminArea.Url(http, FormBuilderPaths.Field(form.Copy.Slug, i, j)),
            ["input"] = input,
            // No value named "type": Fluid's render lets the page's values through to the partials, and _TextField reads "type".
            ["is_textual"] = original is TextualField,
            ["is_number"] = original is NumberField,
            ["is_date"] = original is DateField,
            ["is_options"] = original is ChoiceField or MultiChoiceField,
            ["is_choice"] = original is ChoiceField,
            ["is_file"] = original is FileField,
            ["is_info"] = original is InfoField,
            ["name_locked"] = form.AnsweredNames.Contains(original.Name),
            ["condition_fields"] = Earlier(form.Copy, i, j).Where(BuilderFields.CanBeTested)
                .Select(f => new OptionView(f.Name, FormStepEndpoints.Short(f.Label) + " (" + f.Name + ")")).ToList(),
            ["accepted"] = BuilderFields.UploadTypes
                .Select(u => new CheckOptionView(u.Type, "accepted-" + u.Label.ToLowerInvariant(), u.Label, input.AcceptedTypes.Contains(u.Type, StringComparer.Ordinal)))
                .ToList(),
            ["notice"] = notice,
            ["errors"] = errors,
        };
        foreach (var error in errors)
        {
            values[error.Href.TrimStart('#').Replace('-', '_') + "_error"] = error.Text;
        }

        return views.RenderAsync(http, "AdminFormBuilderField", heading, values, status);
    }
}
