using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Municipal.Admin;
using Municipal.Core.Content;
using Municipal.Core.Modules;
using Municipal.Core.Security;
using Municipal.Notices.Model;
using Municipal.Notices.Resources;

namespace Municipal.Notices.Board;

/// <summary>The notice board of the back office (AdminNoticeBoard.liquid).</summary>
public sealed record NoticeBoardView(IReadOnlyList<Notice> Notices, IReadOnlyList<ErrorLinkView> Errors) : IAdminPageView;

/// <summary>The back office's list of the tenant's notices, for those who manage them.</summary>
public static class NoticeBoardEndpoints
{
    public const string Path = "/admin/avis";

    public static void MapNoticeBoard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapAdminArea("/avis")
            .RequirePermission(NoticesModule.ManageNotices)
            .RequireFeature(NoticesModule.Feature)
            .MapGet("/", ShowAsync);

    private static async Task<IResult> ShowAsync(HttpContext http, AdminViews views, SiteSettingsStore settings)
    {
        var board = await settings.GetAsync<NoticeBoard>(http.RequestAborted);
        return await views.RenderViewAsync(http, "AdminNoticeBoard", NoticesText.Get("BoardTitle"), new NoticeBoardView(board.Notices, []));
    }
}
