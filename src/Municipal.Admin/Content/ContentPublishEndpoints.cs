namespace Municipal.Admin.Content;

/// <summary>
/// POST publish, unpublish and schedule of an item's latest revision (editors and administrators only: the
/// group asks for PublishContent). Each ends on the edit page with a confirmation.
/// </summary>
public static class ContentPublishEndpoints
{
    /// <summary>Publishes the latest revision, or schedules it when its publication date is after today (8 h that day).</summary>
    public static async Task<IResult> PublishAsync(HttpContext http, string id, ContentEditors editors, TenantContext tenant, ContentStore store, ContentEditPage page, ContentManager manager, TimeProvider clock)
    {
        id = ContentAdminRoutes.IdFromRoute(id);
        var (editor, latest) = await ContentEditEndpoints.FindAsync(id, editors, tenant, store, http.RequestAborted);
        if (editor is null || latest is null)
        {
            return Results.NotFound();
        }

        if (PublicationDates.LatestDue(editor, latest, clock.GetUtcNow()) is { } due)
        {
            await manager.SchedulePublishAsync(id, due, http.RequestAborted);
            return Done(http, id, "programme");
        }

        try
        {
            await manager.PublishAsync(id, ContentEditPage.Author(http), http.RequestAborted);
        }
        catch (ContentConflictException conflict)
        {
            var field = editor.HasPath ? ContentEditPage.PathField : CommonFields.Title;
            return await page.RenderAsync(http, editor, latest, await ContentEditPage.FieldsAsync(editor, latest, http), new Dictionary<string, string> { [field] = conflict.Message }, StatusCodes.Status409Conflict);
        }

        return Done(http, id, "publie");
    }

    public static async Task<IResult> UnpublishAsync(HttpContext http, string id, ContentEditors editors, TenantContext tenant, ContentStore store, ContentManager manager)
    {
        id = ContentAdminRoutes.IdFromRoute(id);
        var (editor, latest) = await ContentEditEndpoints.FindAsync(id, editors, tenant, store, http.RequestAborted);
        if (editor is null || latest is null)
        {
            return Results.NotFound();
        }

        await manager.UnpublishAsync(id, http.RequestAborted);
        return Done(http, id, "depublie");
    }

    /// <summary>Date (AAAA-MM-JJ) and time (HH:MM) in Brussels time, in the future; "what" is publish or unpublish.</summary>
    public static async Task<IResult> ScheduleAsync(HttpContext http, string id, ContentEditors editors, TenantContext tenant, ContentStore store, ContentEditPage page, ContentManager manager, TimeProvider clock)
    {
        id = ContentAdminRoutes.IdFromRoute(id);
        var (editor, latest) = await ContentEditEndpoints.FindAsync(id, editors, tenant, store, http.RequestAborted);
        if (editor is null || latest is null)
        {
            return Results.NotFound();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var dateText = form["date"].ToString().Trim();
        var timeText = form["time"].ToString().Trim();
        var publish = form["what"] != "unpublish";
        string? dateError = null;
        string? timeError = null;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && !DateOnly.TryParseExact(dateText, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            dateError = CoreText.Get(dateText.Length == 0 ? "ContentScheduleDateRequired" : "ContentScheduleDateInvalid");
        }

        if (!TimeOnly.TryParseExact(timeText, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            timeError = CoreText.Get(timeText.Length == 0 ? "ContentScheduleTimeRequired" : "ContentScheduleTimeInvalid");
        }

        var when = dateError is null && timeError is null ? BrusselsTime.FromLocal(date, time) : (DateTimeOffset?)null;
        if (when is { } due && due <= clock.GetUtcNow())
        {
            dateError = CoreText.Get("ContentSchedulePast");
        }

        if (dateError is not null || timeError is not null)
        {
            var refused = new ScheduleForm(dateText, timeText, publish, dateError, timeError);
            return await page.RenderAsync(http, editor, latest, await ContentEditPage.FieldsAsync(editor, latest, http), new Dictionary<string, string>(), StatusCodes.Status400BadRequest, refused);
        }

        if (publish)
        {
            await manager.SchedulePublishAsync(id, when!.Value, http.RequestAborted);
        }
        else
        {
            await manager.ScheduleUnpublishAsync(id, when!.Value, http.RequestAborted);
        }

        return Done(http, id, "programme");
    }

    /// <summary>Cancels the pending schedule named by "what" ("publish" or "unpublish"); anything else is a 400.</summary>
    public static async Task<IResult> CancelScheduleAsync(HttpContext http, string id, ContentEditors editors, TenantContext tenant, ContentStore store, ContentManager manager)
    {
        id = ContentAdminRoutes.IdFromRoute(id);
        var (editor, latest) = await ContentEditEndpoints.FindAsync(id, editors, tenant, store, http.RequestAborted);
        if (editor is null || latest is null)
        {
            return Results.NotFound();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var what = form["what"].ToString();
        if (what is not ("publish" or "unpublish"))
        {
            return Results.Text(CoreText.Get("ContentScheduleCancelInvalid"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var cancelled = await manager.CancelScheduleAsync(id, what == "publish", http.RequestAborted);
        return Done(http, id, cancelled ? "programmation-annulee" : "rien-a-annuler");
    }

    private static IResult Done(HttpContext http, string id, string what) =>
        Results.Redirect(AdminArea.Url(http, ContentAdminRoutes.Edit(id)) + "?" + ContentEditPage.DoneParameter + "=" + what);
}
