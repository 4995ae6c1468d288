using Microsoft.AspNetCore.Authorization;

namespace Municipal.Admin.Review;

/// <summary>
/// The trash of the back office: put an item there (offline at once, address freed), list, restore as a draft,
/// and, for administrators only, delete for good after a confirmation.
/// </summary>
internal static class TrashEndpoints
{
    /// <summary>Permanent deletion is the administrators' alone: nothing can bring it back.</summary>
    public static readonly AuthorizeAttribute AdministratorsOnly = new() { Roles = TenantRoles.Administrator, AuthenticationSchemes = TenantAuthentication.Scheme };

    private const string TrashedParameter = "mis";
    private const string RestoredParameter = "restaure";
    private const string DeletedParameter = "supprime";

    public static async Task<IResult> MoveToTrashAsync(string id, HttpContext http, AdminViews views, ContentTrash trash)
    {
        var contentItemId = ContentAdminRoutes.IdFromRoute(id);
        try
        {
            await trash.MoveToTrashAsync(contentItemId, http.RequestAborted);
        }
        catch (ContentNotFoundException)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }

        return Results.Redirect(ReviewViewModels.Url(http, ContentAdminRoutes.Trash) + $"?{TrashedParameter}={Uri.EscapeDataString(contentItemId)}");
    }

    public static async Task<IResult> ListAsync(HttpContext http, AdminViews views, TenantDbContext db, ContentTrash trash)
    {
        var items = (await trash.ListAsync(http.RequestAborted)).Select(i => new TrashItemView(
            i.ContentItemId,
            i.DisplayText,
            ReviewViewModels.Type(http, i.ContentType),
            ReviewViewModels.Date(i.TrashedUtc),
            ReviewViewModels.Iso(i.TrashedUtc),
            ReviewViewModels.Url(http, ContentAdminRoutes.RestoreFromTrash(i.ContentItemId)),
            ReviewViewModels.Url(http, ReviewPages.DeleteForever(i.ContentItemId))))
            .ToList();
        return await views.RenderViewAsync(http, "AdminTrash", CoreText.Get("TrashTitle"), new TrashView([], items, await NoticeAsync(http, db), http.User.IsInRole(TenantRoles.Administrator)));
    }

    public static async Task<IResult> RestoreAsync(string id, HttpContext http, AdminViews views, ContentTrash trash)
    {
        var contentItemId = ContentAdminRoutes.IdFromRoute(id);
        try
        {
            await trash.RestoreAsync(contentItemId, ReviewPages.UserName(http), http.RequestAborted);
        }
        catch (ContentNotFoundException)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }
        catch (ContentConflictException conflict)
        {
            return await ReviewPages.ConflictAsync(http, views, conflict.Message, ContentAdminRoutes.Trash);
        }

        return Results.Redirect(ReviewViewModels.Url(http, ContentAdminRoutes.Trash) + $"?{RestoredParameter}={Uri.EscapeDataString(contentItemId)}");
    }

    public static Task<IResult> ConfirmDeleteAsync(string id, HttpContext http, AdminViews views, ContentTrash trash) =>
        RenderConfirmAsync(http, views, trash, ContentAdminRoutes.IdFromRoute(id), error: null);

    public static async Task<IResult> DeleteAsync(string id, HttpContext http, AdminViews views, ContentTrash trash)
    {
        var contentItemId = ContentAdminRoutes.IdFromRoute(id);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["confirm"] != "true")
        {
            return await RenderConfirmAsync(http, views, trash, contentItemId, CoreText.Get("TrashDeleteConfirmRequired"));
        }

        try
        {
            await trash.DeleteForeverAsync(contentItemId, http.RequestAborted);
        }
        catch (ContentNotFoundException)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }

        return Results.Redirect(ReviewViewModels.Url(http, ContentAdminRoutes.Trash) + $"?{DeletedParameter}=1");
    }

    private static async Task<IResult> RenderConfirmAsync(HttpContext http, AdminViews views, ContentTrash trash, string contentItemId, string? error)
    {
        var item = await trash.GetTrashedAsync(contentItemId, http.RequestAborted);
        if (item is null)
        {
            return await ReviewPages.NotFoundAsync(http, views);
        }

        var errors = error is null ? new List<ErrorLinkView>() : [new ErrorLinkView(error, "#confirm")];
        return await views.RenderViewAsync(http, "AdminTrashDelete", CoreText.Format("TrashDeleteTitle", item.DisplayText), new TrashDeleteView(
            errors,
            error,
            item.DisplayText,
            ReviewViewModels.Url(http, ReviewPages.DeleteForever(contentItemId)),
            ReviewViewModels.Url(http, ContentAdminRoutes.Trash)), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>The confirmation after a redirect, read from the item (the address only names it).</summary>
    private static async Task<string?> NoticeAsync(HttpContext http, TenantDbContext db)
    {
        var query = http.Request.Query;
        if (query[DeletedParameter] == "1")
        {
            return CoreText.Get("TrashNoticeDeleted");
        }

        var trashed = query[TrashedParameter].ToString();
        var restored = query[RestoredParameter].ToString();
        var id = trashed.Length > 0 ? trashed : restored;
        if (id.Length == 0)
        {
            return null;
        }

        var versions = await db.ContentItems.AsNoTracking().Where(i => i.ContentItemId == id).OrderByDescending(i => i.Id).Take(2).ToListAsync(http.RequestAborted);
        if (versions.Count == 0)
        {
            return null;
        }

        var latest = versions[0];
        if (trashed.Length > 0)
        {
            return latest.TrashedUtc is null ? null : CoreText.Format("TrashNoticeTrashed", latest.DisplayText);
        }

        if (latest.TrashedUtc is not null)
        {
            return null;
        }

        // Restored with another address: the one it had was taken meanwhile.
        return versions.Count == 2 && latest.Path is not null && versions[1].Path is { } former && former != latest.Path
            ? CoreText.Format("TrashNoticeRestoredElsewhere", latest.DisplayText, "/" + former, "/" + latest.Path)
            : CoreText.Format("TrashNoticeRestored", latest.DisplayText);
    }
}
