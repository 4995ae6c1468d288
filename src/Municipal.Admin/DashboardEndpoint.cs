using Municipal.Admin.Content;

namespace Municipal.Admin;

/// <summary>
/// A module's lines of the dashboard's "what waits for you" list (requests to handle...), so that the core names no
/// module. Registered scoped; each source checks its own feature and permission and returns nothing when they fail.
/// </summary>
public interface IDashboardWaitingSource
{
    Task<IReadOnlyList<AdminNavLinkView>> LinksAsync(HttpContext http, CancellationToken cancellationToken);
}

/// <summary>
/// The dashboard: what an officer can start from here (create each type of content the site has), and what waits
/// for them (contents submitted for review, for an editor; contents sent back, for their author).
/// </summary>
internal static class DashboardEndpoint
{
    public static async Task<IResult> RenderAsync(HttpContext http, AdminViews views, TenantContext tenant, ContentEditors editors, TenantDbContext db)
    {
        var email = http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity?.Name ?? string.Empty;
        var view = new DashboardView([], CoreText.Format("SignedInAs", email), WaitingLinks: []);

        if (http.User.Has(AdminPermissions.EditContent))
        {
            view = view with { CreateLinks = editors.For(tenant.Tenant)
                .Select(e => new AdminNavLinkView(CoreText.Format("DashboardCreate", e.DisplayName), AdminArea.Url(http, ContentAdminRoutes.New + "?type=" + Uri.EscapeDataString(e.ContentType)), Current: false))
                .ToList() };
            var latest = db.ContentItems.AsNoTracking().Where(i => i.Latest && i.TrashedUtc == null);
            var sentBack = await latest.CountAsync(i => i.ReviewState == ReviewState.ChangesRequested && i.Author == email, http.RequestAborted);
            if (sentBack > 0)
            {
                view = view with { SentBack = new AdminNavLinkView(
                    CoreText.Format(sentBack == 1 ? "DashboardSentBackOne" : "DashboardSentBackMany", sentBack),
                    AdminArea.Url(http, ContentAdminRoutes.List + "?statut=" + ContentStates.Slug(ContentAdminState.ChangesRequested)),
                    Current: false) };
            }

            if (http.User.Has(AdminPermissions.PublishContent))
            {
                var submitted = await latest.CountAsync(i => i.ReviewState == ReviewState.Submitted, http.RequestAborted);
                if (submitted > 0)
                {
                    view = view with { ToReview = new AdminNavLinkView(
                        CoreText.Format(submitted == 1 ? "DashboardToReviewOne" : "DashboardToReviewMany", submitted),
                        AdminArea.Url(http, ContentAdminRoutes.ReviewQueue),
                        Current: false) };
                }
            }
        }

        var waiting = new List<AdminNavLinkView>();
        foreach (var source in http.RequestServices.GetServices<IDashboardWaitingSource>())
        {
            waiting.AddRange(await source.LinksAsync(http, http.RequestAborted));
        }

        return await views.RenderViewAsync(http, "AdminDashboard", CoreText.Get("DashboardTitle"), view with { WaitingLinks = waiting });
    }
}

/// <summary>The dashboard (AdminDashboard.liquid): what to create, what waits.</summary>
public sealed record DashboardView(
    IReadOnlyList<ErrorLinkView> Errors,
    string SignedInAs,
    IReadOnlyList<AdminNavLinkView> WaitingLinks,
    IReadOnlyList<AdminNavLinkView>? CreateLinks = null,
    AdminNavLinkView? SentBack = null,
    AdminNavLinkView? ToReview = null) : IAdminPageView;
