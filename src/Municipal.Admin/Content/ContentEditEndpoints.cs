namespace Municipal.Admin.Content;

/// <summary>
/// The new and edit forms: GET draws them, POST saves a new draft revision (and publishes it when a user allowed
/// to asked for it). Refused input is drawn again with its messages (400); an address taken is a field error.
/// </summary>
public static class ContentEditEndpoints
{
    public static async Task<IResult> NewFormAsync(HttpContext http, string? type, ContentEditors editors, TenantContext tenant, ContentEditPage page) =>
        editors.Find(tenant.Tenant, type) is { } editor
            ? await page.RenderAsync(http, editor, null, await ContentEditPage.FieldsAsync(editor, null, http), new Dictionary<string, string>())
            : Results.NotFound();

    public static async Task<IResult> CreateAsync(HttpContext http, string? type, ContentEditors editors, TenantContext tenant, ContentEditPage page, ContentManager manager, ContentParentChoices parents, TimeProvider clock) =>
        editors.Find(tenant.Tenant, type) is { } editor
            ? await SaveAsync(http, editor, null, page, manager, parents, clock)
            : Results.NotFound();

    public static async Task<IResult> EditFormAsync(HttpContext http, string id, ContentEditors editors, TenantContext tenant, ContentStore store, ContentEditPage page)
    {
        id = ContentAdminRoutes.IdFromRoute(id);
        var (editor, latest) = await FindAsync(id, editors, tenant, store, http.RequestAborted);
        return editor is null || latest is null
            ? Results.NotFound()
            : await page.RenderAsync(http, editor, latest, await ContentEditPage.FieldsAsync(editor, latest, http), new Dictionary<string, string>());
    }

    public static async Task<IResult> UpdateAsync(HttpContext http, string id, ContentEditors editors, TenantContext tenant, ContentStore store, ContentEditPage page, ContentManager manager, ContentParentChoices parents, TimeProvider clock)
    {
        id = ContentAdminRoutes.IdFromRoute(id);
        var (editor, latest) = await FindAsync(id, editors, tenant, store, http.RequestAborted);
        return editor is null || latest is null ? Results.NotFound() : await SaveAsync(http, editor, latest, page, manager, parents, clock);
    }

    /// <summary>The latest revision of an item not in the trash, and the editor of its type where the tenant has it.</summary>
    public static async Task<(IContentTypeEditor? Editor, ContentItemRecord? Latest)> FindAsync(string id, ContentEditors editors, TenantContext tenant, ContentStore store, CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestAsync(id, cancellationToken);
        if (latest is null || latest.TrashedUtc is not null)
        {
            return (null, null);
        }

        return (editors.Find(tenant.Tenant, latest.ContentType), latest);
    }

    /// <summary>
    /// Saves the posted revision; "publish" publishes it, or schedules its publication when the date beside the button
    /// (or the type's own publication date) is to come (<see cref="PublicationDates"/>): the server decides, whatever the button said.
    /// </summary>
    private static async Task<IResult> SaveAsync(HttpContext http, IContentTypeEditor editor, ContentItemRecord? latest, ContentEditPage page, ContentManager manager, ContentParentChoices parents, TimeProvider clock)
    {
        var cancellationToken = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var publish = form[ContentEditPage.ActionField] == ContentEditPage.PublishAction;
        if (publish && !http.User.Has(AdminPermissions.PublishContent))
        {
            return Results.Forbid();
        }

        var catalog = IMediaCatalog.For(http.RequestServices);
        var values = await ContentFormReader.ReadAsync(form, await ContentEditPage.FieldsAsync(editor, latest, http), catalog, cancellationToken);
        var edited = editor.Build(values, latest);
        var path = await ResolvePathAsync(editor, values, edited?.DisplayText ?? values.Text(CommonFields.Title), parents, cancellationToken);
        var publishForm = new PublishForm(form[PublicationDates.DateField].ToString(), form[PublicationDates.TimeField].ToString());
        DateTimeOffset? due = null;
        if (publish)
        {
            var contentDate = editor.PublicationDateField is { } dateField ? values.Date(dateField) : null;
            var choice = PublicationDates.Decide(editor.PublicationDateField, contentDate, publishForm.Date, publishForm.Time, clock.GetUtcNow());
            due = choice.Due;
            if (choice.DateError is { } dateError)
            {
                values.Fail(PublicationDates.DateField, dateError);
            }

            if (choice.TimeError is { } timeError)
            {
                values.Fail(PublicationDates.TimeField, timeError);
            }
        }

        if (edited is null || !values.IsValid)
        {
            return await page.RenderAsync(http, editor, latest, values.Fields, values.Errors, StatusCodes.Status400BadRequest, publish: publishForm);
        }

        var author = ContentEditPage.Author(http);
        string id;
        try
        {
            var saved = await manager.SaveDraftAsync(new ContentDraft(editor.ContentType, latest?.ContentItemId, edited.DisplayText, path, edited.Data, edited.ContentDate), author, cancellationToken);
            id = saved.ContentItemId;
            if (due is { } when)
            {
                await manager.SchedulePublishAsync(id, when, cancellationToken);
            }
            else if (publish)
            {
                await manager.PublishAsync(id, author, cancellationToken);
            }
        }
        catch (ContentConflictException conflict)
        {
            values.Fail(editor.HasPath ? ContentEditPage.PathField : values.Fields[0].Name, conflict.Message);
            return await page.RenderAsync(http, editor, latest, values.Fields, values.Errors, StatusCodes.Status400BadRequest, publish: publishForm);
        }

        var done = due is not null ? "programme" : publish ? "publie" : "brouillon";
        return Results.Redirect(AdminArea.Url(http, ContentAdminRoutes.Edit(id)) + "?" + ContentEditPage.DoneParameter + "=" + done);
    }

    /// <summary>
    /// The typed address, else the one made from the title; a type without address field gets its fixed one.
    /// With a parent chosen, the typed address is the last segment only, put after the parent's; without one, a
    /// whole typed path ("vivre/parc") still works, as existing data and recipes have them.
    /// </summary>
    private static async Task<string?> ResolvePathAsync(IContentTypeEditor editor, EditorValues values, string title, ContentParentChoices parents, CancellationToken cancellationToken)
    {
        if (!editor.HasPath)
        {
            return editor.DefaultPath(title);
        }

        var typed = values.Text(ContentEditPage.PathField).Trim().Trim('/').ToLowerInvariant();
        var parent = string.Empty;
        if (values.Fields.OfType<ParentChoiceField>().FirstOrDefault() is { Value.Length: > 0 } parentField)
        {
            parent = parentField.Value;
            if (!await parents.IsAllowedAsync(parentField, parent, cancellationToken))
            {
                values.Fail(parentField.Name, CoreText.Get("ContentParentUnknown"));
            }

            if (typed.Contains('/', StringComparison.Ordinal))
            {
                values.Fail(ContentEditPage.PathField, CoreText.Format("ContentPathSegmentWithSlash", typed[(typed.LastIndexOf('/') + 1)..]));
            }
        }

        var segment = typed.Length > 0 ? typed : title.Length > 0 ? editor.DefaultPath(title) : null;
        if (segment is null)
        {
            return null;
        }

        var path = parent.Length > 0 && segment.Length > 0 ? parent + "/" + segment : segment;

        if (path.Length == 0 || !Slugs.IsPath(path))
        {
            values.Fail(ContentEditPage.PathField, CoreText.Format("ContentPathInvalid", "/" + path));
        }

        return path;
    }
}
