namespace Municipal.Admin.Content;

/// <summary>
/// GET /admin/contenus/{id}/apercu: the latest revision (a draft too) drawn by its type's public display, in the
/// tenant's theme with its menus, under a preview banner; never indexed, never stored.
/// </summary>
public static class ContentPreviewEndpoint
{
    public static async Task<IResult> PreviewAsync(HttpContext http, string id, ContentEditors editors, TenantContext tenant, ContentStore store, IEnumerable<IContentDisplay> displays)
    {
        id = ContentAdminRoutes.IdFromRoute(id);
        var (editor, latest) = await ContentEditEndpoints.FindAsync(id, editors, tenant, store, http.RequestAborted);
        var display = latest is null ? null : displays.FirstOrDefault(d => d.ContentType == latest.ContentType && tenant.Tenant.HasFeature(d.Feature));
        if (editor is null || latest is null || display is null)
        {
            return Results.NotFound();
        }

        ContentPreview.Mark(http, new ContentPreview(AdminArea.Url(http, ContentAdminRoutes.Edit(id)), (http.Request.PathBase + AdminEndpoints.AssetsPath + "/preview.css").ToString()));
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        http.Response.Headers.CacheControl = "no-store";
        return await display.DisplayAsync(latest, http);
    }
}
