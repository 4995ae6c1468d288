namespace Municipal.Forms.Builder;

/// <summary>
/// /admin/e-guichet/formulaires: the form builder. The list of the tenant's forms, and a form's page: its settings in
/// short, its steps (add, move, remove), "Publier" (the working copy becomes the next version), enabling, the history of
/// versions and the link to the public form. Every action posts and redirects back with a notice (PRG).
/// </summary>
public static class FormBuilderEndpoints
{
    public const string AuditType = "Formulaire";

    public const int TitleMaxLength = 200;

    /// <summary>A form is a few pages of a few questions; these ceilings only stop a runaway (or hostile) build.</summary>
    public const int MaxSteps = 30;

    public const int MaxFieldsPerStep = 100;

    public static void MapFormBuilder(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminArea("/e-guichet/formulaires")
            .RequireFeature(FormsModule.Feature)
            .RequirePermission(FormsModule.ManageForms);
        group.MapGet("/", ListAsync);
        group.MapGet("/{slug}", ShowAsync);
        group.MapPost("/{slug}", ActAsync);
        group.MapFormSettings();
        group.MapFormSteps();
        group.MapFormFields();
    }

    private static async Task<IResult> ListAsync(HttpContext http, AdminViews views, FormBuilderStore store)
    {
        var forms = await store.ListAsync(http.RequestAborted);
        var rows = forms.Select(f => new FormRowView(
            f.Title,
            AdminArea.Url(http, FormBuilderPaths.Form(f.Slug)),
            f.Slug,
            f.LatestVersion?.ToString(CultureInfo.InvariantCulture) ?? FormsText.Get("FormsBuilderNeverPublished"),
            StateLabel(f.LatestVersion is not null, f.Enabled),
            f.Enabled,
            f.Requests,
            f.Unpublished && f.LatestVersion is not null)).ToList();
        return await views.RenderViewAsync(http, "AdminFormBuilderList", FormsText.Get("FormsBuilderListTitle"), new FormListView([], rows, AdminArea.Url(http, FormBuilderPaths.New)));
    }

    private static async Task<IResult> ShowAsync(string slug, HttpContext http, AdminViews views, FormBuilderStore store)
    {
        var form = await LoadAsync(slug, store, http);
        return form is null ? NotFound() : await RenderAsync(http, views, store, form, Notice(http.Request.Query, form.Copy), [], "", StatusCodes.Status200OK);
    }

    private static async Task<IResult> ActAsync(string slug, HttpContext http, AdminViews views, FormBuilderStore store, FormStore forms, AuditLog audit)
    {
        var form = await LoadAsync(slug, store, http);
        if (form is null)
        {
            return NotFound();
        }

        var posted = await http.Request.ReadFormAsync(http.RequestAborted);
        var (verb, index) = StepAction(posted["action"].ToString(), form.Copy.Steps.Count);
        var steps = form.Copy.Steps.ToList();
        string query;
        switch (verb)
        {
            case "add-step":
                var title = posted["step-title"].ToString().Trim();
                var error = string.IsNullOrEmpty(title) ? FormsText.Get("FormsBuilderStepTitleRequired")
                    : title.Length > TitleMaxLength ? FormsText.Format("FormsBuilderTooLong", TitleMaxLength)
                    : steps.Count >= MaxSteps ? FormsText.Format("FormsBuilderTooManySteps", MaxSteps) : null;
                if (error is not null)
                {
                    return await RenderAsync(http, views, store, form, null, [new ErrorLinkView(error, "#step-title")], title, StatusCodes.Status400BadRequest);
                }

                steps.Add(new FormStep { Title = title, Fields = [] });
                query = $"?fait=etape-ajoutee&n={steps.Count - 1}";
                break;
            case RowAction.Up or RowAction.Down:
                var to = RowList.Move(steps, index, verb == RowAction.Up ? -1 : 1);
                if (to == index)
                {
                    return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Form(slug)));
                }

                query = $"?fait=etape-deplacee&n={to}#step-{to}";
                break;
            case RowAction.Remove when steps[index].Fields.Count == 0:
                query = "?fait=etape-retiree&titre=" + Uri.EscapeDataString(steps[index].Title);
                steps.RemoveAt(index);
                break;
            case "publish":
                var (published, problems) = await store.PublishAsync(form, http.RequestAborted);
                if (published is null)
                {
                    var summary = problems.Select(p => new ErrorLinkView(p, "#steps")).ToList();
                    return await RenderAsync(http, views, store, form, null, summary, "", StatusCodes.Status400BadRequest);
                }

                await audit.RecordAsync(AuditActions.Published, AuditType, slug, published.Title, FormsText.Format("FormsBuilderAuditVersion", published.Version), http.RequestAborted);
                return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Form(slug)) + $"?fait=publie&v={published.Version}");
            case "discard" when form.Latest is not null:
                await store.DiscardCopyAsync(slug, http.RequestAborted);
                return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Form(slug)) + "?fait=abandonne");
            case "enable" or "disable" when form.Latest is not null:
                var enabled = verb == "enable";
                await forms.SetEnabledAsync(slug, enabled, http.RequestAborted);
                await audit.RecordAsync(enabled ? AuditActions.Published : AuditActions.Unpublished, AuditType, slug, form.Copy.Title, null, http.RequestAborted);
                return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Form(slug)) + (enabled ? "?fait=active" : "?fait=desactive"));
            default:
                return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Form(slug)));
        }

        await store.SaveCopyAsync(form.Copy with { Steps = steps }, http.RequestAborted);
        return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Form(slug)) + query);
    }

    /// <summary>The form named in the address, or null (404) for an unknown or malformed slug.</summary>
    internal static async Task<BuilderForm?> LoadAsync(string slug, FormBuilderStore store, HttpContext http) =>
        Slugs.IsSlug(slug) ? await store.FindAsync(slug, http.RequestAborted) : null;

    internal static IResult NotFound() => Results.Text(FormsText.Get("FormsBuilderNotFound"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    internal static string StateLabel(bool published, bool enabled) =>
        !published ? FormsText.Get("FormsBuilderStateDraft") : FormsText.Get(enabled ? "FormsBuilderStateEnabled" : "FormsBuilderStateDisabled");

    /// <summary>
    /// The button posted: a row's "up-2", "down-2", "remove-2" as the back office's row lists read them
    /// (<see cref="RowList"/>), ("", -1) for a row that is not there, or the form's own verb ("add-step", "publish").
    /// </summary>
    internal static (string Verb, int Index) StepAction(string action, int count)
    {
        var row = RowList.Action(action, count);
        if (row.Index >= 0)
        {
            return (row.Verb, row.Index);
        }

        var dash = action.LastIndexOf('-');
        var namesARow = dash > 0 && int.TryParse(action.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        return namesARow ? (string.Empty, -1) : (action, -1);
    }

    internal static int? QueryIndex(IQueryCollection query, int count) =>
        int.TryParse(query["n"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < count ? n : null;

    private static string? Notice(IQueryCollection query, FormDefinition form)
    {
        var n = QueryIndex(query, form.Steps.Count);
        return query["fait"].ToString() switch
        {
            "cree" => FormsText.Get("FormsBuilderNoticeCreated"),
            "reglages" => FormsText.Get("FormsBuilderNoticeSettings"),
            "etape-ajoutee" when n is { } i => FormsText.Format("FormsBuilderNoticeStepAdded", form.Steps[i].Title),
            "etape-deplacee" when n is { } i => FormsText.Format("FormsBuilderNoticeStepMoved", form.Steps[i].Title, i + 1),
            "etape-retiree" => FormsText.Format("FormsBuilderNoticeStepRemoved", query["titre"].ToString()),
            "publie" => FormsText.Format("FormsBuilderNoticePublished", query["v"].ToString()),
            "abandonne" => FormsText.Get("FormsBuilderNoticeDiscarded"),
            "active" => FormsText.Get("FormsBuilderNoticeEnabled"),
            "desactive" => FormsText.Get("FormsBuilderNoticeDisabled"),
            _ => null,
        };
    }

    private static async Task<IResult> RenderAsync(
        HttpContext http, AdminViews views, FormBuilderStore store, BuilderForm form, string? notice, List<ErrorLinkView> errors, string stepTitle, int status)
    {
        var copy = form.Copy;
        var steps = copy.Steps.Select((s, i) => new StepRowView(
            i,
            FormsText.Format("FormsBuilderStepNumber", i + 1),
            s.Title,
            AdminArea.Url(http, FormBuilderPaths.Step(copy.Slug, i)),
            s.Fields.Count,
            s.Fields.Count switch
            {
                0 => FormsText.Get("FormsBuilderStepNoField"),
                1 => FormsText.Get("FormsBuilderStepOneField"),
                var n => FormsText.Format("FormsBuilderStepFields", n),
            },
            i > 0,
            i < copy.Steps.Count - 1,
            AdminArea.Url(http, FormBuilderPaths.StepRemove(copy.Slug, i)))).ToList();
        var versions = (await store.VersionsAsync(copy.Slug, http.RequestAborted))
            .Select(v => new VersionRowView(v.Version, BrusselsTime.Format(v.CreatedUtc, "d MMMM yyyy HH:mm", CultureInfo.CurrentCulture)))
            .ToList();
        var settings = new List<SummaryRowView>
        {
            new(FormsText.Get("FormsBuilderFieldSlug"), copy.Slug),
            new(FormsText.Get("FormsBuilderFieldAgentRole"), copy.AgentRole is null ? FormsText.Get("FormsBuilderNoRole") : FormSettingsEndpoints.RoleLabel(copy.AgentRole)),
            new(FormsText.Get("FormsBuilderFieldRetention"), FormsText.Format("FormsBuilderDays", copy.RetentionDays)),
            new(FormsText.Get("FormsBuilderFieldLogin"), FormsText.Get(copy.LoginRequired ? "FormsBuilderYes" : "FormsBuilderNo")),
        };
        var heading = FormsText.Format("FormsBuilderFormTitle", copy.Title);
        return await views.RenderViewAsync(http, "AdminFormBuilderForm", heading, new FormPageView
        {
            Heading = heading,
            ListUrl = AdminArea.Url(http, FormBuilderPaths.List),
            FormAction = AdminArea.Url(http, FormBuilderPaths.Form(copy.Slug)),
            SettingsUrl = AdminArea.Url(http, FormBuilderPaths.Settings(copy.Slug)),
            PublicUrl = AdminArea.Url(http, FormBuilderPaths.Public(copy.Slug)),
            Settings = settings,
            Steps = steps,
            Versions = versions,
            Published = form.Latest is not null,
            Enabled = form.Latest?.Enabled == true,
            State = StateLabel(form.Latest is not null, form.Latest?.Enabled == true),
            LatestVersion = form.Latest?.Version,
            Unpublished = form.Unpublished,
            Requests = form.Requests,
            StepTitle = stepTitle,
            StepTitleError = errors.FirstOrDefault(e => e.Href == "#step-title")?.Text,
            Notice = notice,
            Errors = errors,
        }, status);
    }
}
