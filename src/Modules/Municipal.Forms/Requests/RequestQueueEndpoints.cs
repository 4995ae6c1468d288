namespace Municipal.Forms.Requests;

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
            .RequirePermission(FormsModule.HandleRequests);
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

        return await views.RenderViewAsync(http, "AdminRequestsQueue", FormsText.Get("FormsAgentQueueTitle"), new RequestQueueView
        {
            Errors = errors,
            ListUrl = queue,
            Filtered = filter.Filtered,
            FormOptions = visibleForms.Select(f => new OptionView(f.Slug, f.Title)).ToList(),
            FormValue = filter.FormSlug,
            StatusOptions = statusOptions,
            StatusValue = filter.StatusSlug,
            StatusError = errors.FirstOrDefault(e => e.Href == "#filter-status")?.Text,
            From = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? http.Request.Query[RequestFilter.FromParameter].ToString(),
            FromError = errors.FirstOrDefault(e => e.Href == "#filter-from")?.Text,
            To = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? http.Request.Query[RequestFilter.ToParameter].ToString(),
            ToError = errors.FirstOrDefault(e => e.Href == "#filter-to")?.Text,
            AgentOptions = agentOptions,
            AgentValue = filter.AgentValue,
            // Too long a search is shown again, cut, with its error: nothing typed is lost from view.
            Search = filter.Search ?? (http.Request.Query[RequestFilter.SearchParameter].ToString() is { Length: > 0 } typed
                ? typed[..Math.Min(typed.Length, RequestSearch.MaxLength * 2)]
                : null),
            SearchError = errors.FirstOrDefault(e => e.Href == "#filter-search")?.Text,
            RepliedOnly = filter.RepliedOnly,
            Rows = submissions.Select(s => RequestViews.Row(http, s, forms)).ToList(),
            TotalLabel = total switch
            {
                0 => FormsText.Get(filter.Filtered ? "FormsAgentQueueNoneFiltered" : "FormsAgentQueueNone"),
                1 => FormsText.Get("FormsAgentQueueOne"),
                _ => FormsText.Format("FormsAgentQueueMany", total),
            },
            PageLabel = pages > 1 ? FormsText.Format("FormsAgentPageOf", page, pages) : null,
            PreviousUrl = page > 1 ? queue + filter.QueryString(page - 1) : null,
            NextUrl = page < pages ? queue + filter.QueryString(page + 1) : null,
            ExportUrl = AdminArea.Url(http, RequestRoutes.Export) + filter.QueryString(),
            Restricted = forms.Restricted
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
            RequestAudit.RequestsExported,
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

/// <summary>The queue of requests (AdminRequestsQueue.liquid): its filters, one page of requests, the pagination.</summary>
public sealed record RequestQueueView : IAdminPageView
{
    public required IReadOnlyList<ErrorLinkView> Errors { get; init; }
    public required string ListUrl { get; init; }
    public bool Filtered { get; init; }
    public required IReadOnlyList<OptionView> FormOptions { get; init; }
    public string? FormValue { get; init; }
    public required IReadOnlyList<OptionView> StatusOptions { get; init; }
    public string? StatusValue { get; init; }
    public string? StatusError { get; init; }
    public string? From { get; init; }
    public string? FromError { get; init; }
    public string? To { get; init; }
    public string? ToError { get; init; }
    public required IReadOnlyList<OptionView> AgentOptions { get; init; }
    public string? AgentValue { get; init; }
    public string? Search { get; init; }
    public string? SearchError { get; init; }
    public bool RepliedOnly { get; init; }
    public required IReadOnlyList<RequestRowView> Rows { get; init; }
    public required string TotalLabel { get; init; }
    public string? PageLabel { get; init; }
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
    public required string ExportUrl { get; init; }
    public required IReadOnlyList<string> Restricted { get; init; }
}
