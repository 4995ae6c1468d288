namespace Municipal.Forms.Requests;

/// <summary>Whose requests the queue shows.</summary>
public enum AssigneeFilter
{
    Anyone,
    Me,
    Nobody,
    Agent,
}

/// <summary>
/// The queue's filters, read from the address (a GET form: a filtered queue can be bookmarked and shared, and the
/// CSV export takes the same address). Unknown values are errors for the summary, never a 500.
/// </summary>
public sealed record RequestFilter(
    string? FormSlug,
    string? StatusSlug,
    DateOnly? From,
    DateOnly? To,
    AssigneeFilter Assignee,
    string? AgentId,
    int Page)
{
    /// <summary>The search box's words (<see cref="RequestSearch"/>), or null.</summary>
    public string? Search { get; init; }

    /// <summary>Only the requests the citizen answered ("Réponse reçue").</summary>
    public bool RepliedOnly { get; init; }

    public const string FormParameter = "formulaire";
    public const string StatusParameter = "statut";
    public const string FromParameter = "du";
    public const string ToParameter = "au";
    public const string AgentParameter = "agent";
    public const string PageParameter = "page";
    public const string SearchParameter = "q";
    public const string RepliedParameter = "reponse";
    public const string RepliedValue = "recue";
    public const string AgentMe = "moi";
    public const string AgentNobody = "personne";

    public static RequestFilter None { get; } = new(null, null, null, null, AssigneeFilter.Anyone, null, 1);

    public bool Filtered => FormSlug is not null || StatusSlug is not null || From is not null || To is not null || Assignee != AssigneeFilter.Anyone
        || Search is not null || RepliedOnly;

    /// <summary>The value of the agent select: "", "moi", "personne" or a user id.</summary>
    public string AgentValue => Assignee switch
    {
        AssigneeFilter.Me => AgentMe,
        AssigneeFilter.Nobody => AgentNobody,
        AssigneeFilter.Agent => AgentId ?? string.Empty,
        _ => string.Empty,
    };

    public static RequestFilter Read(IQueryCollection query, List<ErrorLinkView> errors)
    {
        static string? Value(IQueryCollection query, string name) => query[name].ToString().Trim() is { Length: > 0 } v ? v : null;

        var status = Value(query, StatusParameter);
        if (status is not null && status != RequestStatusSlugs.Open && RequestStatusSlugs.Parse(status) is null)
        {
            errors.Add(new ErrorLinkView(FormsText.Get("FormsAgentFilterStatusUnknown"), "#filter-status"));
            status = null;
        }

        var from = ReadDate(Value(query, FromParameter), "#filter-from", errors);
        var to = ReadDate(Value(query, ToParameter), "#filter-to", errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add(new ErrorLinkView(FormsText.Get("FormsAgentFilterDatesReversed"), "#filter-to"));
        }

        var agent = Value(query, AgentParameter);
        var (assignee, agentId) = agent switch
        {
            null => (AssigneeFilter.Anyone, null),
            AgentMe => (AssigneeFilter.Me, null),
            AgentNobody => (AssigneeFilter.Nobody, null),
            _ => (AssigneeFilter.Agent, agent),
        };
        var page = int.TryParse(Value(query, PageParameter), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var search = Value(query, SearchParameter);
        if (search is { Length: > RequestSearch.MaxLength })
        {
            errors.Add(new ErrorLinkView(FormsText.Format("FormsAgentSearchTooLong", RequestSearch.MaxLength), "#filter-search"));
            search = null;
        }

        return new RequestFilter(Value(query, FormParameter), status, from, to, assignee, agentId, page)
        {
            Search = search,
            RepliedOnly = Value(query, RepliedParameter) == RepliedValue,
        };
    }

    /// <summary>
    /// The requests this filter keeps, those the citizen answered first ("Réponse reçue"), then newest first, leaving
    /// out the forms the user may not see.
    /// </summary>
    public IQueryable<SubmissionRecord> Apply(IQueryable<SubmissionRecord> submissions, string currentUserId, IReadOnlyList<string> hiddenForms)
    {
        var query = submissions;
        if (hiddenForms.Count > 0)
        {
            query = query.Where(s => !hiddenForms.Contains(s.FormSlug));
        }

        if (FormSlug is { } slug)
        {
            query = query.Where(s => s.FormSlug == slug);
        }

        if (StatusSlug == RequestStatusSlugs.Open)
        {
            query = query.Where(s => s.Status != SubmissionStatus.Accepted && s.Status != SubmissionStatus.Refused && s.Status != SubmissionStatus.Closed);
        }
        else if (RequestStatusSlugs.Parse(StatusSlug) is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        if (From is { } from)
        {
            var start = BrusselsTime.FromLocal(from, TimeOnly.MinValue);
            query = query.Where(s => s.CreatedUtc >= start);
        }

        if (To is { } to)
        {
            var end = BrusselsTime.FromLocal(to.AddDays(1), TimeOnly.MinValue);
            query = query.Where(s => s.CreatedUtc < end);
        }

        query = Assignee switch
        {
            AssigneeFilter.Me => query.Where(s => s.AssigneeId == currentUserId),
            AssigneeFilter.Nobody => query.Where(s => s.AssigneeId == null),
            AssigneeFilter.Agent => query.Where(s => s.AssigneeId == AgentId),
            _ => query,
        };
        if (Search is { } search)
        {
            query = RequestSearch.Apply(query, search);
        }

        if (RepliedOnly)
        {
            query = query.Where(s => s.CitizenRepliedUtc != null);
        }

        return query.OrderByDescending(s => s.CitizenRepliedUtc != null).ThenByDescending(s => s.CreatedUtc).ThenByDescending(s => s.Id);
    }

    /// <summary>The address's query string for these filters (without the page unless asked), for links and the export.</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is { Length: > 0 })
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add(FormParameter, FormSlug);
        Add(StatusParameter, StatusSlug);
        Add(FromParameter, From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(ToParameter, To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(AgentParameter, AgentValue);
        Add(SearchParameter, Search);
        Add(RepliedParameter, RepliedOnly ? RepliedValue : null);
        if (page is > 1)
        {
            Add(PageParameter, page.Value.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }

    /// <summary>The filters in words, for the audit line of an export.</summary>
    public string Describe(RequestForms forms, string? agentName)
    {
        var parts = new List<string>();
        if (FormSlug is { } slug)
        {
            parts.Add(FormsText.Format("FormsAgentFilterDescribeForm", forms.Title(slug)));
        }

        if (StatusSlug is { } status)
        {
            parts.Add(FormsText.Format("FormsAgentFilterDescribeStatus", RequestStatusSlugs.Parse(status)?.Label() ?? FormsText.Get("FormsAgentStatusOpen")));
        }

        if (From is { } from)
        {
            parts.Add(FormsText.Format("FormsAgentFilterDescribeFrom", from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
        }

        if (To is { } to)
        {
            parts.Add(FormsText.Format("FormsAgentFilterDescribeTo", to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
        }

        if (Assignee != AssigneeFilter.Anyone)
        {
            parts.Add(FormsText.Format("FormsAgentFilterDescribeAgent", Assignee switch
            {
                AssigneeFilter.Me => FormsText.Get("FormsAgentAssigneeMe"),
                AssigneeFilter.Nobody => FormsText.Get("FormsAgentAssigneeNobody"),
                _ => agentName ?? AgentId ?? string.Empty,
            }));
        }

        if (Search is { } search)
        {
            parts.Add(FormsText.Format("FormsAgentFilterDescribeSearch", search));
        }

        if (RepliedOnly)
        {
            parts.Add(FormsText.Get("FormsAgentFilterDescribeReplied"));
        }

        return parts.Count == 0 ? FormsText.Get("FormsAgentFilterDescribeNone") : string.Join(" ; ", parts);
    }

    private static DateOnly? ReadDate(string? value, string href, List<ErrorLinkView> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        errors.Add(new ErrorLinkView(FormsText.Get(href == "#filter-from" ? "FormsAgentFilterFromInvalid" : "FormsAgentFilterToInvalid"), href));
        return null;
    }
}
