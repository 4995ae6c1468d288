using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Municipal.Core.Admin;
using Municipal.Core.Admin.Site;
using Municipal.Core.Admin.Users;
using Municipal.Core.Audit;
using Municipal.Core.Modules;
using Municipal.Core.Security;
using Municipal.Forms.Handlers;
using Municipal.Forms.Resources;
using Municipal.Forms.Storage;

namespace Municipal.Forms.Admin;

/// <summary>
/// /admin/e-guichet, for the users who handle requests: the queue (filters in the address, 25 a page, newest first),
/// its CSV export, and each request's page (<see cref="RequestDetailEndpoints"/>). The requests of a form reserved
/// to a role are shown only to that role's members and administrators.
/// </summary>
public static class RequestQueueEndpoints
{
    public const int PageSize = 25;

    public static void MapRequestAdministration(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminArea(RequestRoutes.Prefix)
            .RequireFeature(FormsModule.Feature)
            .RequirePermission(AdminPermissions.HandleRequests);
        group.MapGet("/", QueueAsync);
        group.MapGet("/export.csv", ExportAsync);
        group.MapRequestDetail();
    }

    private static async Task<IResult> QueueAsync(HttpContext http, AdminViews views, FormsDbContext db, RequestHandling handling)
    {
        var errors = new List<ErrorLinkView>();
        var filter = RequestFilter.Read(http.Request.Query, errors);
        var forms = await RequestForms.LoadAsync(db, http.RequestAborted);
        var agents = await handling.AgentsAsync(http.RequestAborted);
        var query = filter.Apply(db.Submissions.AsNoTracking(), UserId(http), forms.HiddenFrom(http.User));
        var total = await query.CountAsync(http.RequestAborted);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Min(filter.Page, pages);
        var submissions = await query.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(http.RequestAborted);
        var queue = AdminArea.Url(http, RequestRoutes.Queue);

        var visibleForms = forms.Latest.Where(f => forms.CanSee(http.User, f.Slug)).ToList();
        var agentOptions = new List<OptionView>
        {
            new(RequestFilter.AgentMe, FormsText.Get("FormsAgentAssigneeMe")),
            new(RequestFilter.AgentNobody, FormsText.Get("FormsAgentAssigneeNobody")),
        };
        agentOptions.AddRange(agents.Select(a => new OptionView(a.Id, a.Email)));
        var statusOptions = new List<OptionView> { new(RequestStatusSlugs.Open, FormsText.Get("FormsAgentStatusOpen")) };
        statusOptions.AddRange(RequestStatusSlugs.All.Select(s => new OptionView(s.Slug(), s.Label())));

        return await views.RenderAsync(http, "AdminRequestsQueue", FormsText.Get("FormsAgentQueueTitle"), new Dictionary<string, object?>
        {
            ["errors"] = errors,
            ["list_url"] = queue,
            ["filtered"] = filter.Filtered,
            ["form_options"] = visibleForms.Select(f => new OptionView(f.Slug, f.Title)).ToList(),
            ["form_value"] = filter.FormSlug,
            ["status_options"] = statusOptions,
            ["status_value"] = filter.StatusSlug,
            ["status_error"] = errors.FirstOrDefault(e => e.Href == "#filter-status")?.Text,
            ["from"] = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? http.Request.Query[RequestFilter.FromParameter].ToString(),
            ["from_error"] = errors.FirstOrDefault(e => e.Href == "#filter-from")?.Text,
            ["to"] = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? http.Request.Query[RequestFilter.ToParameter].ToString(),
            ["to_error"] = errors.FirstOrDefault(e => e.Href == "#filter-to")?.Text,
            ["agent_options"] = agentOptions,
            ["agent_value"] = filter.AgentValue,
            ["rows"] = submissions.Select(s => RequestViews.Row(http, s, forms)).ToList(),
            ["total_label"] = total switch
            {
                0 => FormsText.Get(filter.Filtered ? "FormsAgentQueueNoneFiltered" : "FormsAgentQueueNone"),
                1 => FormsText.Get("FormsAgentQueueOne"),
                _ => FormsText.Format("FormsAgentQueueMany", total),
            },
            ["page_label"] = pages > 1 ? FormsText.Format("FormsAgentPageOf", page, pages) : null,
            ["previous_url"] = page > 1 ? queue + filter.QueryString(page - 1) : null,
            ["next_url"] = page < pages ? queue + filter.QueryString(page + 1) : null,
            ["export_url"] = AdminArea.Url(http, RequestRoutes.Export) + filter.QueryString(),
            ["restricted"] = forms.Restricted
                .Select(f => FormsText.Format("FormsAgentRestrictedForm", f.Title, UserStates.RoleLabel(f.AgentRole!)))
                .ToList(),
        },
        errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>Every request of the filtered queue (all pages) as CSV; written to the audit log with the filters and the count.</summary>
    private static async Task<IResult> ExportAsync(HttpContext http, FormsDbContext db, AuditLog audit, RequestHandling handling, TimeProvider clock)
    {
        var errors = new List<ErrorLinkView>();
        var filter = RequestFilter.Read(http.Request.Query, errors);
        if (errors.Count > 0)
        {
            return Results.Text(string.Join(" ", errors.Select(e => e.Text)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var forms = await RequestForms.LoadAsync(db, http.RequestAborted);
        var submissions = await filter.Apply(db.Submissions.AsNoTracking(), UserId(http), forms.HiddenFrom(http.User)).ToListAsync(http.RequestAborted);
        var single = filter.FormSlug is { } slug && forms.LatestOf(slug) is not null && forms.CanSee(http.User, slug) ? slug : null;
        var csv = RequestCsv.Write(submissions, forms, single);

        var agentName = filter.Assignee == AssigneeFilter.Agent
            ? (await handling.AgentsAsync(http.RequestAborted)).FirstOrDefault(a => a.Id == filter.AgentId)?.Email
            : null;
        await audit.RecordAsync(
            AuditActions.RequestsExported,
            RequestHandling.AuditObjectType,
            null,
            FormsText.Get("FormsAgentExportObject"),
            FormsText.Format("FormsAgentExportDetails", submissions.Count, filter.Describe(forms, agentName)),
            CancellationToken.None);

        http.Response.Headers.XContentTypeOptions = "nosniff";
        var date = Core.Display.BrusselsTime.Format(clock.GetUtcNow(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Results.File(csv, "text/csv; charset=utf-8", $"demandes-{date}.csv");
    }

    public static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
}
