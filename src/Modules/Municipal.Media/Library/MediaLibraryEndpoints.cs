using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using Municipal.Core.Security;

namespace Municipal.Media.Library;

/// <summary>
/// The library page (/admin/medias): upload, folders, search, pages of thumbnails; and the JSON list the
/// rich-text editor picks images from. Editing one image is in <see cref="MediaEditEndpoints"/>.
/// </summary>
public static class MediaLibraryEndpoints
{
    public const string Path = "/admin/medias";
    public const string PickerPath = "/admin/medias/choix";
    public const int PageSize = 24;

    public static void MapMediaLibrary(this RouteGroupBuilder group, MediaOptions options)
    {
        group.MapGet("/", ListAsync);
        group.MapPost("/", UploadAsync)
            // Kestrel stops reading past this, and the form reader too (any server): the answer is a plain 413.
            .WithMetadata(new RequestSizeLimit(options.MaxUploadBytes + options.RequestOverheadBytes))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxUploadBytes + options.RequestOverheadBytes);
        group.MapGet("/choix", PickerAsync);
        group.MapPost("/dossiers", CreateFolderAsync);
        group.MapPost("/dossiers/{folderId:long}", RenameFolderAsync);
        group.MapPost("/dossiers/{folderId:long}/supprimer", DeleteFolderAsync).RequirePermission(AdminPermissions.PublishContent);
    }

    public static string EditUrl(HttpContext http, string id) => AdminArea.Url(http, $"{Path}/{id}");

    private static Task<IResult> ListAsync(HttpContext http, AdminViews views, MediaLibrary library, IOptions<MediaOptions> options, CancellationToken cancellationToken) =>
        RenderListAsync(http, views, library, options.Value, new ListState(), cancellationToken);

    private static async Task<IResult> UploadAsync(HttpContext http, AdminViews views, MediaLibrary library, IMediaCatalog catalog, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        // The rich-text editor's image dialog posts here too, asking for JSON: the image goes straight into the text,
        // so it must have its alternative text (the library page may keep an image without one, flagged).
        var fromEditor = http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var limits = options.Value;
        var alt = form["alt"].ToString().Trim();
        long? folderId = long.TryParse(form["folder"], NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : null;
        var state = new ListState { UploadAlt = alt, UploadFolder = folderId };
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            state.FileError = MediaText.Get("MediaErrorNoFile");
        }
        else if (file.Length > limits.MaxUploadBytes)
        {
            state.FileError = MediaText.Format("MediaErrorTooBig", Megabytes(file.Length), Megabytes(limits.MaxUploadBytes));
        }

        if (alt.Length > MediaLibrary.AltMaxLength)
        {
            state.AltError = MediaText.Format("MediaErrorAltTooLong", MediaLibrary.AltMaxLength);
        }
        else if (fromEditor && alt.Length == 0)
        {
            state.AltError = MediaText.Get("MediaErrorAltRequired");
        }

        if (state.FileError is null && state.AltError is null)
        {
            var bytes = new byte[file!.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }

            var result = await library.UploadAsync(new MediaUpload(file.FileName, bytes, alt, folderId), cancellationToken);
            if (result.Media is { } media)
            {
                return fromEditor
                    ? TypedResults.Json(await catalog.FindByUrlAsync(MediaUrls.Main(http.Request.PathBase.ToString(), media), cancellationToken), System.Text.Json.JsonSerializerOptions.Web, statusCode: StatusCodes.Status201Created)
                    : Results.Redirect(EditUrl(http, media.Id) + "?envoye=1");
            }

            state.FileError = result.Error;
        }

        if (fromEditor)
        {
            return TypedResults.Json(new MediaUploadErrors(state.FileError, state.AltError), System.Text.Json.JsonSerializerOptions.Web, statusCode: StatusCodes.Status400BadRequest);
        }

        return await RenderListAsync(http, views, library, limits, state, cancellationToken, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> PickerAsync(HttpContext http, IMediaCatalog catalog, CancellationToken cancellationToken)
    {
        var choices = await catalog.ListImagesAsync(AdminSearch.Term(http.Request.Query["q"]), cancellationToken);
        return TypedResults.Json(choices, System.Text.Json.JsonSerializerOptions.Web);
    }

    private static async Task<IResult> CreateFolderAsync(HttpContext http, AdminViews views, MediaLibrary library, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString().Trim();
        if (await library.CreateFolderAsync(name, cancellationToken) is { } error)
        {
            var state = new ListState { NewFolderName = name, NewFolderError = error };
            return await RenderListAsync(http, views, library, options.Value, state, cancellationToken, StatusCodes.Status400BadRequest);
        }

        return Results.Redirect(AdminArea.Url(http, Path) + "?dossier-cree=1");
    }

    private static async Task<IResult> RenameFolderAsync(long folderId, HttpContext http, AdminViews views, MediaLibrary library, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        if (await library.FindFolderAsync(folderId, cancellationToken) is not { } folder)
        {
            return Results.NotFound();
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString().Trim();
        if (await library.RenameFolderAsync(folder, name, cancellationToken) is { } error)
        {
            var state = new ListState { Folder = folderId, RenameName = name, RenameError = error };
            return await RenderListAsync(http, views, library, options.Value, state, cancellationToken, StatusCodes.Status400BadRequest);
        }

        return Results.Redirect(AdminArea.Url(http, Path) + $"?dossier={folderId}&dossier-renomme=1");
    }

    private static async Task<IResult> DeleteFolderAsync(long folderId, HttpContext http, MediaLibrary library, CancellationToken cancellationToken)
    {
        if (await library.FindFolderAsync(folderId, cancellationToken) is not { } folder)
        {
            return Results.NotFound();
        }

        var moved = await library.DeleteFolderAsync(folder, cancellationToken);
        return Results.Redirect(AdminArea.Url(http, Path) + "?dossier-supprime=" + moved.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<IResult> RenderListAsync(HttpContext http, AdminViews views, MediaLibrary library, MediaOptions limits, ListState state, CancellationToken cancellationToken, int statusCode = StatusCodes.Status200OK)
    {
        var query = http.Request.Query;
        var search = AdminSearch.Term(query["q"]);
        var folderId = state.Folder ?? (long.TryParse(query["dossier"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null);
        var page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;

        var folders = await library.FoldersAsync(cancellationToken);
        var currentFolder = folders.FirstOrDefault(f => f.Id == folderId);
        var (items, total) = await library.ListAsync(search, currentFolder?.Id, (page - 1) * PageSize, PageSize, cancellationToken);
        var folderNames = folders.ToDictionary(f => f.Id, f => f.Name);
        var pathBase = http.Request.PathBase.ToString();
        var cards = items.Select(m => new MediaCardView(
            m.Name,
            m.Alt,
            MediaUrls.Thumbnail(pathBase, m),
            EditUrl(http, m.Id),
            MediaText.Format("MediaSize", m.Width, m.Height),
            m.FolderId is { } fid ? folderNames.GetValueOrDefault(fid) : null)).ToList();

        var errors = new List<ErrorLinkView>();
        AddError(errors, state.FileError, "#file");
        AddError(errors, state.AltError, "#alt");
        AddError(errors, state.NewFolderError, "#folder-name");
        AddError(errors, state.RenameError, "#folder-rename");

        var listUrl = AdminArea.Url(http, Path);
        string PageUrl(int n) => listUrl + QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = search.Length > 0 ? search : null,
            ["dossier"] = currentFolder?.Id.ToString(CultureInfo.InvariantCulture),
            ["page"] = n.ToString(CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null));
        var pages = (int)Math.Ceiling(total / (double)PageSize);
        var pageLinks = Enumerable.Range(1, Math.Max(pages, 1)).Select(n => new MediaPageLinkView(n.ToString(CultureInfo.InvariantCulture), PageUrl(n), n == page)).ToList();

        var notice = query.ContainsKey("supprime") ? MediaText.Get("MediaDeletedNotice")
            : query.ContainsKey("dossier-cree") ? MediaText.Get("MediaFolderCreatedNotice")
            : query.ContainsKey("dossier-renomme") ? MediaText.Get("MediaFolderRenamedNotice")
            : int.TryParse(query["dossier-supprime"], NumberStyles.None, CultureInfo.InvariantCulture, out var moved) ? MediaText.Format(moved switch { 0 => "MediaFolderDeletedEmptyNotice", 1 => "MediaFolderDeletedNoticeOne", _ => "MediaFolderDeletedNoticeMany" }, moved)
            : null;

        return await views.RenderViewAsync(http, "AdminMediaList", MediaText.Get("MediaTitle"), new MediaListView(
            Errors: errors,
            Notice: statusCode == StatusCodes.Status200OK ? notice : null,
            FormAction: listUrl,
            FolderAction: AdminArea.Url(http, Path + "/dossiers"),
            RenameAction: currentFolder is null ? null : AdminArea.Url(http, $"{Path}/dossiers/{currentFolder.Id}"),
            DeleteFolderAction: currentFolder is null || !http.User.Has(AdminPermissions.PublishContent) ? null : AdminArea.Url(http, $"{Path}/dossiers/{currentFolder.Id}/supprimer"),
            CurrentFolder: currentFolder?.Name,
            RenameName: state.RenameName ?? currentFolder?.Name,
            RenameError: state.RenameError,
            NewFolderName: state.NewFolderName,
            NewFolderError: state.NewFolderError,
            FileHint: MediaText.Format("MediaFileHint", Megabytes(limits.MaxUploadBytes)),
            FileError: state.FileError,
            Alt: state.UploadAlt,
            AltError: state.AltError,
            UploadFolders: folders.Select(f => new MediaFolderView(f.Id, f.Name, string.Empty, f.Id == state.UploadFolder)).ToList(),
            Folders: folders.Select(f => new MediaFolderView(f.Id, f.Name, listUrl + $"?dossier={f.Id}", f.Id == currentFolder?.Id)).ToList(),
            AllFoldersUrl: listUrl,
            Search: search,
            SearchFolders: folders.Select(f => new MediaFolderView(f.Id, f.Name, string.Empty, f.Id == currentFolder?.Id)).ToList(),
            Cards: cards,
            ResultCount: MediaText.Format(total == 1 ? "MediaCountOne" : "MediaCount", total),
            Pages: pages > 1 ? pageLinks : []), statusCode);
    }

    private static void AddError(List<ErrorLinkView> errors, string? message, string href)
    {
        if (message is not null)
        {
            errors.Add(new ErrorLinkView(message, href));
        }
    }

    internal static string Megabytes(long bytes) => (bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.CurrentCulture);

    /// <summary>What a failed post puts back into the page: the fields as typed and their errors.</summary>
    private sealed class ListState
    {
        public long? Folder { get; init; }

        public string? UploadAlt { get; init; }

        public long? UploadFolder { get; init; }

        public string? FileError { get; set; }

        public string? AltError { get; set; }

        public string? NewFolderName { get; init; }

        public string? NewFolderError { get; init; }

        public string? RenameName { get; init; }

        public string? RenameError { get; init; }
    }
}

/// <summary>The largest request body an endpoint accepts (read by Kestrel and by the admin area's form check).</summary>
public sealed class RequestSizeLimit(long maxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxRequestBodySize;
}

/// <summary>Why the editor's upload was refused (JSON), by field; null where the field is right.</summary>
public sealed record MediaUploadErrors(string? File, string? Alt);

/// <summary>The media library (AdminMediaList.liquid): upload form, folders, search and a page of media cards.</summary>
public sealed record MediaListView(
    IReadOnlyList<ErrorLinkView> Errors,
    string? Notice,
    string FormAction,
    string FolderAction,
    string? RenameAction,
    string? DeleteFolderAction,
    string? CurrentFolder,
    string? RenameName,
    string? RenameError,
    string? NewFolderName,
    string? NewFolderError,
    string FileHint,
    string? FileError,
    string? Alt,
    string? AltError,
    IReadOnlyList<MediaFolderView> UploadFolders,
    IReadOnlyList<MediaFolderView> Folders,
    string AllFoldersUrl,
    string Search,
    IReadOnlyList<MediaFolderView> SearchFolders,
    IReadOnlyList<MediaCardView> Cards,
    string ResultCount,
    IReadOnlyList<MediaPageLinkView> Pages) : IAdminPageView;
