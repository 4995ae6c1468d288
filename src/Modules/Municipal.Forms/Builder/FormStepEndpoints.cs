namespace Municipal.Forms.Builder;

/// <summary>
/// One step of the form being built: its title, its fields (move up/down, remove, edit) and "Ajouter un champ" (type and
/// label; the machine name is made from the label). Removing a step that has fields asks for confirmation first.
/// Steps are numbered from 1 in addresses.
/// </summary>
public static class FormStepEndpoints
{
    public const int LabelMaxLength = 300;

    public static void MapFormSteps(this RouteGroupBuilder group)
    {
        group.MapGet("/{slug}/etapes/{step:int}", ShowAsync);
        group.MapPost("/{slug}/etapes/{step:int}", ActAsync);
        group.MapGet("/{slug}/etapes/{step:int}/supprimer", ConfirmRemoveAsync);
        group.MapPost("/{slug}/etapes/{step:int}/supprimer", RemoveAsync);
    }

    private static async Task<IResult> ShowAsync(string slug, int step, HttpContext http, AdminViews views, FormBuilderStore store)
    {
        var form = await FormBuilderEndpoints.LoadAsync(slug, store, http);
        if (form is null || step < 1 || step > form.Copy.Steps.Count)
        {
            return FormBuilderEndpoints.NotFound();
        }

        var i = step - 1;
        return await RenderAsync(http, views, form, i, Notice(http.Request.Query, form.Copy.Steps[i]), [], form.Copy.Steps[i].Title, FieldTypes.Text, "", StatusCodes.Status200OK);
    }

    private static async Task<IResult> ActAsync(string slug, int step, HttpContext http, AdminViews views, FormBuilderStore store)
    {
        var form = await FormBuilderEndpoints.LoadAsync(slug, store, http);
        if (form is null || step < 1 || step > form.Copy.Steps.Count)
        {
            return FormBuilderEndpoints.NotFound();
        }

        var i = step - 1;
        var current = form.Copy.Steps[i];
        var posted = await http.Request.ReadFormAsync(http.RequestAborted);
        var fields = current.Fields.ToList();
        var (verb, index) = FormBuilderEndpoints.StepAction(posted["action"].ToString(), fields.Count);
        var here = AdminArea.Url(http, FormBuilderPaths.Step(slug, i));
        var title = current.Title;
        string query;
        switch (verb)
        {
            case "rename":
                title = posted["title"].ToString().Trim();
                var titleError = title.Length == 0 ? FormsText.Get("FormsBuilderStepTitleRequired")
                    : title.Length > FormBuilderEndpoints.TitleMaxLength ? FormsText.Format("FormsBuilderTooLong", FormBuilderEndpoints.TitleMaxLength) : null;
                if (titleError is not null)
                {
                    return await RenderAsync(http, views, form, i, null, [new ErrorLinkView(titleError, "#title")], title, FieldTypes.Text, "", StatusCodes.Status400BadRequest);
                }

                query = "?fait=renommee";
                break;
            case "add-field":
                var type = posted["field-type"].ToString();
                var label = posted["field-label"].ToString().Trim();
                var errors = new List<ErrorLinkView>();
                if (!FieldTypes.All.Contains(type, StringComparer.Ordinal))
                {
                    errors.Add(new ErrorLinkView(FormsText.Get("FormsBuilderTypeRequired"), "#field-type"));
                }

                if (fields.Count >= FormBuilderEndpoints.MaxFieldsPerStep)
                {
                    errors.Add(new ErrorLinkView(FormsText.Format("FormsBuilderTooManyFields", FormBuilderEndpoints.MaxFieldsPerStep), "#field-label"));
                }
                else if (label.Length == 0)
                {
                    errors.Add(new ErrorLinkView(FormsText.Get("FormsBuilderLabelRequired"), "#field-label"));
                }
                else if (label.Length > LabelMaxLength)
                {
                    errors.Add(new ErrorLinkView(FormsText.Format("FormsBuilderTooLong", LabelMaxLength), "#field-label"));
                }

                if (errors.Count > 0)
                {
                    return await RenderAsync(http, views, form, i, null, errors, current.Title, type, label, StatusCodes.Status400BadRequest);
                }

                var name = BuilderFields.NameFromLabel(label, form.Copy.AllFields().Select(f => f.Name));
                fields.Add(BuilderFields.New(type, name, label)!);
                await SaveStepAsync(store, form, i, current with { Fields = fields }, http.RequestAborted);
                return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Field(slug, i, fields.Count - 1)) + "?fait=ajoute");
            case RowAction.Up or RowAction.Down:
                var to = RowList.Move(fields, index, verb == RowAction.Up ? -1 : 1);
                if (to == index)
                {
                    return Results.Redirect(here);
                }

                query = $"?fait=deplace&n={to}#field-{to}";
                break;
            case RowAction.Remove:
                query = "?fait=retire&libelle=" + Uri.EscapeDataString(Short(fields[index].Label));
                fields.RemoveAt(index);
                break;
            default:
                return Results.Redirect(here);
        }

        await SaveStepAsync(store, form, i, current with { Title = title, Fields = fields }, http.RequestAborted);
        return Results.Redirect(here + query);
    }

    private static async Task<IResult> ConfirmRemoveAsync(string slug, int step, HttpContext http, AdminViews views, FormBuilderStore store)
    {
        var form = await FormBuilderEndpoints.LoadAsync(slug, store, http);
        if (form is null || step < 1 || step > form.Copy.Steps.Count)
        {
            return FormBuilderEndpoints.NotFound();
        }

        var s = form.Copy.Steps[step - 1];
        var heading = FormsText.Format("FormsBuilderStepRemoveTitle", s.Title);
        return await views.RenderViewAsync(http, "AdminFormBuilderStepRemove", heading, new StepRemoveView(
            [],
            heading,
            s.Fields.Select(f => f.Label).ToList(),
            AdminArea.Url(http, FormBuilderPaths.StepRemove(slug, step - 1)),
            AdminArea.Url(http, FormBuilderPaths.Form(slug))));
    }

    private static async Task<IResult> RemoveAsync(string slug, int step, HttpContext http, FormBuilderStore store)
    {
        var form = await FormBuilderEndpoints.LoadAsync(slug, store, http);
        if (form is null || step < 1 || step > form.Copy.Steps.Count)
        {
            return FormBuilderEndpoints.NotFound();
        }

        var steps = form.Copy.Steps.ToList();
        var title = steps[step - 1].Title;
        steps.RemoveAt(step - 1);
        await store.SaveCopyAsync(form.Copy with { Steps = steps }, http.RequestAborted);
        return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Form(slug)) + "?fait=etape-retiree&titre=" + Uri.EscapeDataString(Short(title)));
    }

    internal static Task SaveStepAsync(FormBuilderStore store, BuilderForm form, int index, FormStep step, CancellationToken cancellationToken)
    {
        var steps = form.Copy.Steps.ToList();
        steps[index] = step;
        return store.SaveCopyAsync(form.Copy with { Steps = steps }, cancellationToken);
    }

    internal static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>"Si « Type de salle » vaut « grande »": the condition as the officer reads it.</summary>
    internal static string? ConditionText(FormDefinition form, FormField field)
    {
        if (field.Condition is not { } c)
        {
            return null;
        }

        var target = form.AllFields().FirstOrDefault(f => f.Name == c.Field);
        var value = (target as ChoiceField)?.Options.FirstOrDefault(o => o.Value == c.EqualsValue)?.Label
            ?? (target is BooleanField or ConsentField ? FormsText.Get(c.EqualsValue == "true" ? "FormsBuilderYes" : "FormsBuilderNo") : c.EqualsValue);
        return FormsText.Format("FormsBuilderConditionText", target?.Label ?? c.Field, value);
    }

    private static string? Notice(IQueryCollection query, FormStep step)
    {
        var n = FormBuilderEndpoints.QueryIndex(query, step.Fields.Count);
        return query["fait"].ToString() switch
        {
            "renommee" => FormsText.Get("FormsBuilderNoticeStepRenamed"),
            "deplace" when n is { } i => FormsText.Format("FormsBuilderNoticeFieldMoved", Short(step.Fields[i].Label), i + 1),
            "retire" => FormsText.Format("FormsBuilderNoticeFieldRemoved", query["libelle"].ToString()),
            "champ" when n is { } i => FormsText.Format("FormsBuilderNoticeFieldSaved", Short(step.Fields[i].Label)),
            _ => null,
        };
    }

    private static Task<IResult> RenderAsync(
        HttpContext http, AdminViews views, BuilderForm form, int i, string? notice, List<ErrorLinkView> errors, string title, string fieldType, string fieldLabel, int status)
    {
        var slug = form.Copy.Slug;
        var step = form.Copy.Steps[i];
        var rows = step.Fields.Select((f, j) => new FieldRowView(
            j,
            f.Label,
            f.Name,
            BuilderFields.TypeLabel(f.Type),
            f.Required,
            ConditionText(form.Copy, f),
            AdminArea.Url(http, FormBuilderPaths.Field(slug, i, j)),
            j > 0,
            j < step.Fields.Count - 1)).ToList();
        var heading = FormsText.Format("FormsBuilderStepTitle", i + 1, step.Title);
        return views.RenderViewAsync(http, "AdminFormBuilderStep", heading, new StepPageView(
            errors,
            heading,
            AdminArea.Url(http, FormBuilderPaths.Form(slug)),
            form.Copy.Title,
            AdminArea.Url(http, FormBuilderPaths.Step(slug, i)),
            title,
            rows,
            FieldTypes.All.Select(t => new OptionView(t, BuilderFields.TypeLabel(t))).ToList(),
            fieldType,
            fieldLabel,
            notice,
            FormBuilderViews.ErrorOf(errors, "title"),
            FormBuilderViews.ErrorOf(errors, "field-type"),
            FormBuilderViews.ErrorOf(errors, "field-label")),
            status);
    }
}

/// <summary>The confirmation of a step's removal (AdminFormBuilderStepRemove.liquid), with the fields it holds.</summary>
public sealed record StepRemoveView(IReadOnlyList<ErrorLinkView> Errors, string Heading, IReadOnlyList<string> Fields, string FormAction, string CancelUrl) : IAdminPageView;

/// <summary>A step's page in the builder (AdminFormBuilderStep.liquid): its title, its fields and the form to add one.</summary>
public sealed record StepPageView(
    IReadOnlyList<ErrorLinkView> Errors,
    string Heading,
    string BackUrl,
    string FormTitle,
    string FormAction,
    string Title,
    IReadOnlyList<FieldRowView> Fields,
    IReadOnlyList<OptionView> Types,
    string FieldType,
    string FieldLabel,
    string? Notice,
    string? TitleError,
    string? FieldTypeError,
    string? FieldLabelError) : IAdminPageView;
