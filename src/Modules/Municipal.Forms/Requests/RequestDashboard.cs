namespace Municipal.Forms.Requests;

/// <summary>
/// The dashboard's "what waits for you": requests whose citizen answered ("Réponse reçue"), open requests assigned to
/// me, and open requests nobody has taken.
/// </summary>
public sealed class RequestDashboard(FormsDbContext db, TenantContext tenant) : IDashboardWaitingSource
{
    public async Task<IReadOnlyList<AdminNavLinkView>> LinksAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!tenant.Tenant.HasFeature(FormsModule.Feature) || !http.User.Has(FormsModule.HandleRequests))
        {
            return [];
        }

        var forms = await RequestForms.LoadAsync(db, cancellationToken);
        var me = RequestQueueEndpoints.UserId(http);
        var open = new RequestFilter(null, RequestStatusSlugs.Open, null, null, AssigneeFilter.Anyone, null, 1);
        var links = new List<AdminNavLinkView>();
        foreach (var (filter, one, many) in new[]
        {
            (RequestFilter.None with { RepliedOnly = true }, "FormsAgentDashboardRepliedOne", "FormsAgentDashboardRepliedMany"),
            (open with { Assignee = AssigneeFilter.Me }, "FormsAgentDashboardMineOne", "FormsAgentDashboardMineMany"),
            (open with { Assignee = AssigneeFilter.Nobody }, "FormsAgentDashboardNobodyOne", "FormsAgentDashboardNobodyMany"),
        })
        {
            var count = await filter.Apply(db.Submissions.AsNoTracking(), me, forms.HiddenFrom(http.User)).CountAsync(cancellationToken);
            if (count > 0)
            {
                links.Add(new AdminNavLinkView(
                    FormsText.Format(count == 1 ? one : many, count),
                    AdminArea.Url(http, RequestRoutes.Queue) + filter.QueryString(),
                    Current: false));
            }
        }

        return links;
    }
}
