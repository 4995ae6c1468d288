using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Municipal.Core.Display;
using Municipal.Core.Resources;
using Municipal.Core.Security;

namespace Municipal.Media.Library;

/// <summary>
/// One image of the library (/admin/medias/{id}): its name, alternative text and folder, the sizes it exists in,
/// where it is used; and its deletion, refused while it is used.
/// </summary>
public static class MediaEditEndpoints
{
    public static void MapMediaEdit(this RouteGroupBuilder group)
    {
        group.MapGet("/{id}", EditAsync);
        group.MapPost("/{id}", SaveAsync);
        group.MapPost("/{id}/supprimer", DeleteAsync).RequirePermission(AdminPermissions.PublishContent);
    }

    private static async Task<IResult> EditAsync(string id, HttpContext http, AdminViews views, MediaLibrary library, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } media)
        {
            return Results.NotFound();
        }

        var notice = http.Request.Query.ContainsKey("envoye") ? MediaText.Get("MediaUploadedNotice")
            : http.Request.Query.ContainsKey("enregistre") ? MediaText.Get("MediaSavedNotice")
            : null;
        return await RenderAsync(http, views, library, media, new EditState(media.Name, media.Alt, media.FolderId) { Notice = notice }, cancellationToken);
    }

    private static async Task<IResult> SaveAsync(string id, HttpContext http, AdminViews views, MediaLibrary library, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } media)
        {
            return Results.NotFound();
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString().Trim();
        var alt = form["alt"].ToString().Trim();
        long? folderId = long.TryParse(form["folder"], NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : null;
        var state = new EditState(name, alt, folderId)
        {
            NameError = name.Length == 0 ? MediaText.Get("MediaErrorNameRequired")
                : name.Length > MediaLibrary.NameMaxLength ? MediaText.Format("MediaErrorNameTooLong", MediaLibrary.NameMaxLength)
                : null,
            AltError = alt.Length > MediaLibrary.AltMaxLength ? MediaText.Format("MediaErrorAltTooLong", MediaLibrary.AltMaxLength) : null,
        };
        if (state.NameError is not null || state.AltError is not null)
        {
            return await RenderAsync(http, views, library, media, state, cancellationToken, StatusCodes.Status400BadRequest);
        }

        await library.UpdateAsync(media, name, alt, folderId, cancellationToken);
        return Results.Redirect(MediaLibraryEndpoints.EditUrl(http, media.Id) + "?enregistre=1");
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, AdminViews views, MediaLibrary library, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } media)
        {
            return Results.NotFound();
        }

        var usage = await library.DeleteAsync(media, cancellationToken);
        if (usage.Count > 0)
        {
            var titles = string.Join(", ", usage.Select(u => CoreText.Format("QuotedText", u.DisplayText)));
            var state = new EditState(media.Name, media.Alt, media.FolderId) { DeleteError = MediaText.Format("MediaErrorInUse", titles) };
            return await RenderAsync(http, views, library, media, state, cancellationToken, StatusCodes.Status409Conflict);
        }

        return Results.Redirect(AdminArea.Url(http, MediaLibraryEndpoints.Path) + "?supprime=1");
    }

    private static async Task<IResult> RenderAsync(HttpContext http, AdminViews views, MediaLibrary library, MediaRecord media, EditState state, CancellationToken cancellationToken, int statusCode = StatusCodes.Status200OK)
    {
        var pathBase = http.Request.PathBase.ToString();
        var folders = await library.FoldersAsync(cancellationToken);
        var usage = await library.UsageAsync(media.Id, cancellationToken);
        var errors = new List<ErrorLinkView>();
        if (state.NameError is not null)
        {
            errors.Add(new ErrorLinkView(state.NameError, "#name"));
        }

        if (state.AltError is not null)
        {
            errors.Add(new ErrorLinkView(state.AltError, "#alt"));
        }

        if (state.DeleteError is not null)
        {
            errors.Add(new ErrorLinkView(state.DeleteError, "#usage-title"));
        }

        var sizes = media.WidthList()
            .Select(w => new MediaSizeView(MediaText.Format("MediaSizeWebp", w), MediaUrls.File(pathBase, media.Id, MediaFileNames.Webp(w))))
            .Append(new MediaSizeView(
                MediaText.Format(media.FallbackFile.EndsWith(".png", StringComparison.Ordinal) ? "MediaSizePng" : "MediaSizeJpeg", media.LargestWidth),
                MediaUrls.File(pathBase, media.Id, media.FallbackFile)))
            .ToList();
        var preview = media.WidthList().LastOrDefault(w => w <= 640, media.WidthList()[0]);

        return await views.RenderViewAsync(http, "AdminMediaEdit", MediaText.Format("MediaEditTitle", media.Name), new MediaEditView(
            Errors: errors,
            Notice: state.Notice,
            MediaName: media.Name,
            MissingAlt: !media.HasAlt,
            PreviewUrl: MediaUrls.File(pathBase, media.Id, MediaFileNames.Webp(preview)),
            PreviewAlt: media.Alt ?? string.Empty,
            Size: MediaText.Format("MediaSize", media.Width, media.Height),
            Uploaded: BrusselsTime.Format(media.UploadedUtc),
            UploadedBy: media.UploadedBy,
            FormAction: MediaLibraryEndpoints.EditUrl(http, media.Id),
            Name: state.Name,
            NameError: state.NameError,
            Alt: state.Alt,
            AltError: state.AltError,
            Folders: folders.Select(f => new MediaFolderView(f.Id, f.Name, string.Empty, f.Id == state.FolderId)).ToList(),
            Sizes: sizes,
            MainUrl: MediaUrls.Main(pathBase, media),
            Usage: usage.Select(u => new MediaUsageView(u.DisplayText, AdminArea.Url(http, ContentAdminRoutes.Edit(u.ContentItemId)), u.ContentType)).ToList(),
            CanDelete: http.User.Has(AdminPermissions.PublishContent),
            DeleteAction: MediaLibraryEndpoints.EditUrl(http, media.Id) + "/supprimer",
            DeleteError: state.DeleteError,
            LibraryUrl: AdminArea.Url(http, MediaLibraryEndpoints.Path)), statusCode);
    }

    /// <summary>The fields as shown: stored values, or what a failed post sent, with its errors.</summary>
    private sealed record EditState(string Name, string? Alt, long? FolderId)
    {
        public string? Notice { get; init; }

        public string? NameError { get; init; }

        public string? AltError { get; init; }

        public string? DeleteError { get; init; }
    }
}

/// <summary>A medium's page (AdminMediaEdit.liquid): preview, details, name/alt/folder form, sizes, usage and deletion.</summary>
public sealed record MediaEditView(
    IReadOnlyList<ErrorLinkView> Errors,
    string? Notice,
    string MediaName,
    bool MissingAlt,
    string PreviewUrl,
    string PreviewAlt,
    string Size,
    string Uploaded,
    string? UploadedBy,
    string FormAction,
    string? Name,
    string? NameError,
    string? Alt,
    string? AltError,
    IReadOnlyList<MediaFolderView> Folders,
    IReadOnlyList<MediaSizeView> Sizes,
    string MainUrl,
    IReadOnlyList<MediaUsageView> Usage,
    bool CanDelete,
    string DeleteAction,
    string? DeleteError,
    string LibraryUrl) : IAdminPageView;
