namespace Municipal.Forms.Builder;

/// <summary>What the settings form posted, as typed (re-shown as it was on an error).</summary>
public sealed record FormSettingsInput(string Title, string Slug, string Intro, string Confirmation, string AgentRole, string Retention, bool LoginRequired);

/// <summary>
/// A form's settings: title, slug (folded from the title when left empty; unique; fixed once requests exist), intro,
/// confirmation text, the agents' role, retention days and whether citizens must sign in. Creating a form creates its
/// working copy only: nothing is public before "Publier", and a first version stays disabled until enabled.
/// </summary>
public static class FormSettingsEndpoints
{
    public const int TextMaxLength = 4000;

    public const int RetentionMax = 3650;

    /// <summary>Addresses under /formulaires that cannot be a slug.</summary>

    public static void MapFormSettings(this RouteGroupBuilder group)
    {
        group.MapGet("/nouveau", NewAsync);
        group.MapPost("/nouveau", CreateAsync);
        group.MapGet("/{slug}/reglages", EditAsync);
        group.MapPost("/{slug}/reglages", SaveAsync);
    }

    public static string RoleLabel(string role) => UserStates.RoleLabel(role);

    private static Task<IResult> NewAsync(HttpContext http, AdminViews views) =>
        RenderAsync(http, views, null, new FormSettingsInput("", "", "", "", TenantRoles.Agent, "365", false), [], StatusCodes.Status200OK);

    private static async Task<IResult> CreateAsync(HttpContext http, AdminViews views, FormBuilderStore store, AuditLog audit)
    {
        var input = Read(await http.Request.ReadFormAsync(http.RequestAborted));
        var (form, errors) = await BuildAsync(input, null, store, http.RequestAborted);
        if (form is null)
        {
            return await RenderAsync(http, views, null, input, errors, StatusCodes.Status400BadRequest);
        }

        await store.SaveCopyAsync(form, http.RequestAborted);
        await audit.RecordAsync(AuditActions.Created, FormBuilderEndpoints.AuditType, form.Slug, form.Title, null, http.RequestAborted);
        return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Form(form.Slug)) + "?fait=cree");
    }

    private static async Task<IResult> EditAsync(string slug, HttpContext http, AdminViews views, FormBuilderStore store)
    {
        var form = await FormBuilderEndpoints.LoadAsync(slug, store, http);
        if (form is null)
        {
            return FormBuilderEndpoints.NotFound();
        }

        var c = form.Copy;
        var input = new FormSettingsInput(c.Title, c.Slug, c.Intro ?? "", c.ConfirmationText ?? "", c.AgentRole ?? "", c.RetentionDays.ToString(CultureInfo.InvariantCulture), c.LoginRequired);
        return await RenderAsync(http, views, form, input, [], StatusCodes.Status200OK);
    }

    private static async Task<IResult> SaveAsync(string slug, HttpContext http, AdminViews views, FormBuilderStore store, AuditLog audit)
    {
        var existing = await FormBuilderEndpoints.LoadAsync(slug, store, http);
        if (existing is null)
        {
            return FormBuilderEndpoints.NotFound();
        }

        var input = Read(await http.Request.ReadFormAsync(http.RequestAborted));
        var (form, errors) = await BuildAsync(input, existing, store, http.RequestAborted);
        if (form is null)
        {
            return await RenderAsync(http, views, existing, input, errors, StatusCodes.Status400BadRequest);
        }

        if (form.Slug != slug)
        {
            await store.RenameAsync(slug, form, http.RequestAborted);
        }
        else
        {
            await store.SaveCopyAsync(form, http.RequestAborted);
        }

        await audit.RecordAsync(AuditActions.Changed, FormBuilderEndpoints.AuditType, form.Slug, form.Title, null, http.RequestAborted);
        return Results.Redirect(AdminArea.Url(http, FormBuilderPaths.Form(form.Slug)) + "?fait=reglages");
    }

    private static FormSettingsInput Read(IFormCollection posted) => new(
        posted["title"].ToString().Trim(),
        posted["slug"].ToString().Trim(),
        posted["intro"].ToString().Trim(),
        posted["confirmation"].ToString().Trim(),
        posted["agent-role"].ToString(),
        posted["retention"].ToString().Trim(),
        posted["login-required"] == "true");

    private static async Task<(FormDefinition? Form, List<ErrorLinkView> Errors)> BuildAsync(
        FormSettingsInput input, BuilderForm? existing, FormBuilderStore store, CancellationToken cancellationToken)
    {
        var errors = new List<ErrorLinkView>();
        void Fail(string id, string message) => errors.Add(new ErrorLinkView(message, "#" + id));

        if (input.Title.Length == 0)
        {
            Fail("title", FormsText.Get("FormsBuilderTitleRequired"));
        }
        else if (input.Title.Length > FormBuilderEndpoints.TitleMaxLength)
        {
            Fail("title", FormsText.Format("FormsBuilderTooLong", FormBuilderEndpoints.TitleMaxLength));
        }

        var slugLocked = existing is { Requests: > 0 };
        var slug = slugLocked ? existing!.Copy.Slug : input.Slug.Length == 0 && input.Title.Length > 0 ? Slugs.FromTitle(input.Title) : input.Slug;
        if (!slugLocked)
        {
            if (slug.Length == 0 && input.Title.Length > 0)
            {
                Fail("slug", FormsText.Get("FormsBuilderSlugInvalid"));
            }
            else if (slug.Length > 0 && (!Slugs.IsSlug(slug) || Validation.FormDefinitionChecker.ReservedSlugs.Contains(slug, StringComparer.Ordinal)))
            {
                Fail("slug", FormsText.Get("FormsBuilderSlugInvalid"));
            }
            else if (slug.Length > 0 && slug != existing?.Copy.Slug && await store.SlugTakenAsync(slug, cancellationToken))
            {
                Fail("slug", FormsText.Format("FormsBuilderSlugTaken", slug));
            }
        }

        if (input.Intro.Length > TextMaxLength)
        {
            Fail("intro", FormsText.Format("FormsBuilderTooLong", TextMaxLength));
        }

        if (input.Confirmation.Length > TextMaxLength)
        {
            Fail("confirmation", FormsText.Format("FormsBuilderTooLong", TextMaxLength));
        }

        if (input.AgentRole.Length > 0 && !UserStates.IsKnownRole(input.AgentRole))
        {
            Fail("agent-role", FormsText.Get("FormsBuilderRoleUnknown"));
        }

        if (!int.TryParse(input.Retention, NumberStyles.None, CultureInfo.InvariantCulture, out var retention) || retention is < 1 or > RetentionMax)
        {
            Fail("retention", FormsText.Format("FormsBuilderRetentionRange", RetentionMax));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var form = (existing?.Copy ?? new FormDefinition { Slug = slug, Title = input.Title, Steps = [] }) with
        {
            Slug = slug,
            Title = input.Title,
            Intro = input.Intro.Length == 0 ? null : input.Intro,
            ConfirmationText = input.Confirmation.Length == 0 ? null : input.Confirmation,
            AgentRole = input.AgentRole.Length == 0 ? null : input.AgentRole,
            RetentionDays = retention,
            LoginRequired = input.LoginRequired,
        };
        return (form, errors);
    }

    private static Task<IResult> RenderAsync(HttpContext http, AdminViews views, BuilderForm? form, FormSettingsInput input, List<ErrorLinkView> errors, int status)
    {
        var heading = form is null ? FormsText.Get("FormsBuilderNewTitle") : FormsText.Format("FormsBuilderSettingsTitle", form.Copy.Title);
        string? ErrorOf(string id) => errors.FirstOrDefault(e => e.Href == "#" + id)?.Text;
        return views.RenderViewAsync(http, "AdminFormBuilderSettings", heading, new FormSettingsView(
            errors,
            heading,
            AdminArea.Url(http, form is null ? FormBuilderPaths.List : FormBuilderPaths.Form(form.Copy.Slug)),
            FormsText.Get(form is null ? "FormsBuilderBackToList" : "FormsBuilderBackToForm"),
            AdminArea.Url(http, form is null ? FormBuilderPaths.New : FormBuilderPaths.Settings(form.Copy.Slug)),
            form is null,
            form is { Requests: > 0 },
            input,
            TenantRoles.All.Select(r => new OptionView(r, RoleLabel(r))).ToList(),
            ErrorOf("title"),
            ErrorOf("slug"),
            ErrorOf("intro"),
            ErrorOf("confirmation"),
            ErrorOf("agent-role"),
            ErrorOf("retention")),
            status);
    }
}

/// <summary>A form's settings, or a new form (AdminFormBuilderSettings.liquid); an error per field, by the field's id.</summary>
public sealed record FormSettingsView(
    IReadOnlyList<ErrorLinkView> Errors,
    string Heading,
    string BackUrl,
    string BackText,
    string FormAction,
    bool IsNew,
    bool SlugLocked,
    FormSettingsInput Input,
    IReadOnlyList<OptionView> Roles,
    string? TitleError,
    string? SlugError,
    string? IntroError,
    string? ConfirmationError,
    string? AgentRoleError,
    string? RetentionError) : IAdminPageView;
