namespace Municipal.Admin.Content;

/// <summary>What the scheduling form shows again after a refused post: the typed values and their messages.</summary>
public sealed record ScheduleForm(string Date, string Time, bool Publish, string? DateError = null, string? TimeError = null)
{
    public static readonly ScheduleForm Empty = new(string.Empty, string.Empty, true);
}

/// <summary>A pending schedule as the editor page states it.</summary>
public sealed record ScheduleView(string Text, string What, string CancelLabel);

/// <summary>
/// The new and edit forms of a content item (AdminContentEdit.liquid). A new item has no id, state nor actions;
/// the actions are those the user may take (publish, schedule and trash, or submit for review).
/// </summary>
public sealed record ContentEditView(
    IReadOnlyList<ErrorLinkView> Errors,
    IReadOnlyList<ContentFieldView> Fields,
    string TypeName,
    bool CanPublish,
    string ListUrl,
    string ScheduleDate,
    string ScheduleTime,
    bool SchedulePublish,
    string? ScheduleDateError,
    string? ScheduleTimeError,
    string? MediaPickerUrl,
    string Heading,
    string FormAction,
    PublishChoicesView? Publication,
    string? PublishLatestLabel = null,
    string? ItemId = null,
    string? State = null,
    string? Modified = null,
    string? ReviewComment = null,
    bool Submitted = false,
    string? PreviewUrl = null,
    string? RevisionsUrl = null,
    string? PublicUrl = null,
    bool IsPublished = false,
    bool HasPendingChanges = false,
    IReadOnlyList<ScheduleView>? Schedules = null,
    string? Notice = null,
    string? PublishUrl = null,
    string? UnpublishUrl = null,
    string? ScheduleUrl = null,
    string? CancelScheduleUrl = null,
    string? TrashUrl = null,
    string? ReviewUrl = null,
    string? SubmitUrl = null) : IAdminPageView;

/// <summary>
/// Draws the new and edit forms of a content item: its fields, its state, and for the latest revision the
/// actions the user may take (publish, unpublish, schedule, submit, trash), each a form of its own.
/// </summary>
public sealed class ContentEditPage(AdminViews views, ContentStore store, JobQueue jobs, TenantContext tenant, ContentFieldViewBuilder fieldViews, TimeProvider clock)
{
    public const string PathField = "path";
    public const string ParentField = "parent";
    public const string ActionField = "action";
    public const string PublishAction = "publish";
    public const string DoneParameter = "fait";

    /// <summary>The editor's fields, with the address field after the title when the type has one.</summary>
    public static async Task<IReadOnlyList<EditorField>> FieldsAsync(IContentTypeEditor editor, ContentItemRecord? latest, HttpContext http)
    {
        var fields = (await editor.FieldsAsync(latest, http.RequestServices, http.RequestAborted)).ToList();
        if (editor is { HasPath: true, ChoosesParent: true })
        {
            // The address is the parent's plus a last segment: the parent is chosen, only the segment is typed.
            var current = latest?.Path ?? string.Empty;
            var example = editor.DefaultPath(CoreText.Get("ContentPathExampleTitle"));
            var parent = new ParentChoiceField(ParentField, CoreText.Get("ContentFieldParent"), editor.ContentType, latest?.ContentItemId, latest?.Path, Slugs.Parent(current)) { Hint = CoreText.Get("ContentFieldParentHint") };
            var segment = new TextField(PathField, CoreText.Get("ContentFieldPath"), current[(current.LastIndexOf('/') + 1)..]) { Hint = CoreText.Format("ContentFieldPathSegmentHint", example ?? string.Empty) };
            fields.InsertRange(Math.Min(1, fields.Count), [parent, segment]);
        }
        else if (editor.HasPath)
        {
            var example = editor.DefaultPath(CoreText.Get("ContentPathExampleTitle"));
            var path = new TextField(PathField, CoreText.Get("ContentFieldPath"), latest?.Path ?? string.Empty) { Hint = CoreText.Format("ContentFieldPathHint", example ?? string.Empty) };
            fields.Insert(Math.Min(1, fields.Count), path);
        }

        return fields;
    }

    public static string Author(HttpContext http) => http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity?.Name ?? string.Empty;

    public async Task<IResult> RenderAsync(
        HttpContext http,
        IContentTypeEditor editor,
        ContentItemRecord? latest,
        IReadOnlyList<EditorField> fields,
        IReadOnlyDictionary<string, string> fieldErrors,
        int statusCode = StatusCodes.Status200OK,
        ScheduleForm? schedule = null,
        PublishForm? publish = null)
    {
        var cancellationToken = http.RequestAborted;
        schedule ??= ScheduleForm.Empty;
        var errors = fieldErrors.Select(e => new ErrorLinkView(e.Value, "#" + e.Key)).ToList();
        if (schedule.DateError is not null)
        {
            errors.Add(new ErrorLinkView(schedule.DateError, "#schedule-date"));
        }

        if (schedule.TimeError is not null)
        {
            errors.Add(new ErrorLinkView(schedule.TimeError, "#schedule-time"));
        }

        var canPublish = http.User.Has(AdminPermissions.PublishContent);
        var now = clock.GetUtcNow();
        var view = new ContentEditView(
            errors,
            await fieldViews.BuildAsync(fields, fieldErrors, cancellationToken),
            editor.DisplayName,
            canPublish,
            AdminArea.Url(http, ContentAdminRoutes.List),
            schedule.Date,
            schedule.Time,
            schedule.Publish,
            schedule.DateError,
            schedule.TimeError,
            IMediaCatalog.For(http.RequestServices) is { } catalog ? AdminArea.Url(http, catalog.PickerPath) : null,
            Heading: latest is null ? CoreText.Format("ContentNewTitle", editor.DisplayName) : CoreText.Format("ContentEditTitle", latest.DisplayText),
            FormAction: Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(AdminArea.Url(http, ContentAdminRoutes.New), "type", editor.ContentType),
            Publication: canPublish ? PublishChoicesView.Create(editor, fields, publish ?? PublishForm.Empty, fieldErrors, now) : null);
        if (latest is not null)
        {
            view = await WithItemAsync(http, editor, latest, view, canPublish, now, cancellationToken);
        }

        return await views.RenderViewAsync(http, "AdminContentEdit", view.Heading, view, statusCode);
    }

    private async Task<ContentEditView> WithItemAsync(HttpContext http, IContentTypeEditor editor, ContentItemRecord latest, ContentEditView view, bool canPublish, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = latest.ContentItemId;
        var published = await store.GetPublishedAsync(id, cancellationToken);
        var schedules = (await ContentSchedules.PendingAsync(jobs, tenant.Tenant.Name, cancellationToken)).Where(s => s.ContentItemId == id).ToList();
        var state = ContentStates.Of(latest, published is not null, schedules.Count > 0);
        view = view with
        {
            ItemId = id,
            FormAction = AdminArea.Url(http, ContentAdminRoutes.Edit(id)),
            State = ContentStates.Label(state),
            Modified = CoreText.Format("ContentModifiedBy", BrusselsTime.Format(latest.ModifiedUtc), latest.Author ?? "—"),
            ReviewComment = latest.ReviewState == ReviewState.ChangesRequested ? latest.ReviewComment : null,
            Submitted = latest.ReviewState == ReviewState.Submitted,
            PreviewUrl = AdminArea.Url(http, ContentAdminRoutes.Preview(id)),
            RevisionsUrl = AdminArea.Url(http, ContentAdminRoutes.Revisions(id)),
            PublicUrl = published?.Path is { } path ? ThemePageRenderer.Url(http, "/" + path) : null,
            IsPublished = published is not null,
            HasPendingChanges = latest.Status != ContentStatus.Published,
            Schedules = schedules.Select(s => new ScheduleView(
                CoreText.Format(s.Publish ? "ContentScheduledPublish" : "ContentScheduledUnpublish", BrusselsTime.Format(s.DueUtc)),
                s.Publish ? "publish" : "unpublish",
                CoreText.Format(s.Publish ? "ContentScheduleCancelPublish" : "ContentScheduleCancelUnpublish", BrusselsTime.Format(s.DueUtc)))).ToList(),
            Notice = http.Request.Query[DoneParameter].ToString() switch
            {
                "brouillon" => CoreText.Get("ContentDoneDraft"),
                "publie" => CoreText.Get("ContentDonePublished"),
                "depublie" => CoreText.Get("ContentDoneUnpublished"),
                "programme" => CoreText.Get("ContentDoneScheduled"),
                "programmation-annulee" => CoreText.Get("ContentDoneScheduleCancelled"),
                "rien-a-annuler" => CoreText.Get("ContentDoneNothingToCancel"),
                _ => http.Request.Query[Review.RevisionEndpoints.NoticeParameter] == Review.RevisionEndpoints.RestoredNotice ? CoreText.Get("ContentDoneRevisionRestored") : null,
            },
        };
        if (canPublish)
        {
            return view with
            {
                PublishUrl = AdminArea.Url(http, ContentAdminRoutes.Publish(id)),
                UnpublishUrl = AdminArea.Url(http, ContentAdminRoutes.Unpublish(id)),
                ScheduleUrl = AdminArea.Url(http, ContentAdminRoutes.Schedule(id)),
                CancelScheduleUrl = AdminArea.Url(http, ContentAdminRoutes.CancelSchedule(id)),
                TrashUrl = AdminArea.Url(http, ContentAdminRoutes.MoveToTrash(id)),
                ReviewUrl = latest.ReviewState == ReviewState.Submitted ? AdminArea.Url(http, ContentAdminRoutes.Review(id)) : null,
                PublishLatestLabel = PublicationDates.LatestDue(editor, latest, now) is { } due
                    ? PublicationDates.ScheduleLabel(due, now, "ContentScheduleLatestButton")
                    : null,
            };
        }

        return latest.ReviewState != ReviewState.Submitted ? view with { SubmitUrl = AdminArea.Url(http, ContentAdminRoutes.Submit(id)) } : view;
    }
}
