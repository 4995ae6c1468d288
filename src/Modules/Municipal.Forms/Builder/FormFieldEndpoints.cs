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
        string? ErrorOf(string id) => FormBuilderViews.ErrorOf(errors, id);
        return views.RenderViewAsync(http, "AdminFormBuilderField", heading, new FieldPageView
        {
            Errors = errors,
            Heading = heading,
            TypeLabel = BuilderFields.TypeLabel(original.Type),
            StepText = FormsText.Format("FormsBuilderFieldOfStep", i + 1, form.Copy.Steps[i].Title),
            BackUrl = AdminArea.Url(http, FormBuilderPaths.Step(form.Copy.Slug, i)),
            FormAction = AdminArea.Url(http, FormBuilderPaths.Field(form.Copy.Slug, i, j)),
            Input = input,
            IsTextual = original is TextualField,
            IsNumber = original is NumberField,
            IsDate = original is DateField,
            IsOptions = original is ChoiceField or MultiChoiceField,
            IsChoice = original is ChoiceField,
            IsFile = original is FileField,
            IsInfo = original is InfoField,
            NameLocked = form.AnsweredNames.Contains(original.Name),
            ConditionFields = Earlier(form.Copy, i, j).Where(BuilderFields.CanBeTested)
                .Select(f => new OptionView(f.Name, FormStepEndpoints.Short(f.Label) + " (" + f.Name + ")")).ToList(),
            Accepted = BuilderFields.UploadTypes
                .Select(u => new CheckOptionView(u.Type, "accepted-" + u.Label.ToLowerInvariant(), u.Label, input.AcceptedTypes.Contains(u.Type, StringComparer.Ordinal)))
                .ToList(),
            Notice = notice,
            LabelError = ErrorOf("label"),
            NameError = ErrorOf("name"),
            HintError = ErrorOf("hint"),
            OptionsError = ErrorOf("options"),
            MinError = ErrorOf("min"),
            MaxError = ErrorOf("max"),
            MinLengthError = ErrorOf("min-length"),
            MaxLengthError = ErrorOf("max-length"),
            PatternError = ErrorOf("pattern"),
            PatternMessageError = ErrorOf("pattern-message"),
            MinDateError = ErrorOf("min-date"),
            MaxDateError = ErrorOf("max-date"),
            MaxFilesError = ErrorOf("max-files"),
            MaxSizeError = ErrorOf("max-size"),
            AcceptedError = ErrorOf("accepted"),
            ConditionFieldError = ErrorOf("condition-field"),
            ConditionValueError = ErrorOf("condition-value"),
        }, status);
    }
}

/// <summary>
/// A field's page in the builder (AdminFormBuilderField.liquid): what its type allows, and an error per input, by the
/// input's id. No member named "Type": Fluid's render lets the page's values through to the partials, and _TextField reads "type".
/// </summary>
public sealed record FieldPageView : IAdminPageView
{
    public required IReadOnlyList<ErrorLinkView> Errors { get; init; }
    public required string Heading { get; init; }
    public required string TypeLabel { get; init; }
    public required string StepText { get; init; }
    public required string BackUrl { get; init; }
    public required string FormAction { get; init; }
    public required FieldInput Input { get; init; }
    public bool IsTextual { get; init; }
    public bool IsNumber { get; init; }
    public bool IsDate { get; init; }
    public bool IsOptions { get; init; }
    public bool IsChoice { get; init; }
    public bool IsFile { get; init; }
    public bool IsInfo { get; init; }
    public bool NameLocked { get; init; }
    public required IReadOnlyList<OptionView> ConditionFields { get; init; }
    public required IReadOnlyList<CheckOptionView> Accepted { get; init; }
    public string? Notice { get; init; }
    public string? LabelError { get; init; }
    public string? NameError { get; init; }
    public string? HintError { get; init; }
    public string? OptionsError { get; init; }
    public string? MinError { get; init; }
    public string? MaxError { get; init; }
    public string? MinLengthError { get; init; }
    public string? MaxLengthError { get; init; }
    public string? PatternError { get; init; }
    public string? PatternMessageError { get; init; }
    public string? MinDateError { get; init; }
    public string? MaxDateError { get; init; }
    public string? MaxFilesError { get; init; }
    public string? MaxSizeError { get; init; }
    public string? AcceptedError { get; init; }
    public string? ConditionFieldError { get; init; }
    public string? ConditionValueError { get; init; }
}
