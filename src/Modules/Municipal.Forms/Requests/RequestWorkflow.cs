namespace Municipal.Forms.Requests;

/// <summary>
/// Which status a request may move to from the one it has. The default workflow: Reçue → En traitement →
/// Information demandée / Acceptée / Refusée → Clôturée, and Reçue → Information demandée directly (a request
/// missing a piece is asked for it before anyone starts on it); a request waiting for information goes back to
/// "En traitement" (or is decided) once the citizen has answered. Moving to "Information demandée" asks the
/// citizen a question, so it needs one.
/// </summary>
public sealed class RequestWorkflow
{
    public static RequestWorkflow Default { get; } = new(new Dictionary<SubmissionStatus, SubmissionStatus[]>
    {
        [SubmissionStatus.Received] = [SubmissionStatus.InProgress, SubmissionStatus.InformationRequested],
        [SubmissionStatus.InProgress] = [SubmissionStatus.InformationRequested, SubmissionStatus.Accepted, SubmissionStatus.Refused],
        [SubmissionStatus.InformationRequested] = [SubmissionStatus.InProgress, SubmissionStatus.Accepted, SubmissionStatus.Refused],
        [SubmissionStatus.Accepted] = [SubmissionStatus.Closed],
        [SubmissionStatus.Refused] = [SubmissionStatus.Closed],
        [SubmissionStatus.Closed] = [],
    });

    private readonly IReadOnlyDictionary<SubmissionStatus, SubmissionStatus[]> _next;

    private RequestWorkflow(IReadOnlyDictionary<SubmissionStatus, SubmissionStatus[]> next) => _next = next;

    /// <summary>The statuses reachable from <paramref name="from"/>, in the order the agent is offered them.</summary>
    public IReadOnlyList<SubmissionStatus> NextOf(SubmissionStatus from) => _next.TryGetValue(from, out var next) ? next : [];

    public bool Allows(SubmissionStatus from, SubmissionStatus to) => NextOf(from).Contains(to);

    /// <summary>A status that is reached by asking the citizen something (the question is mailed to them).</summary>
    public static bool NeedsQuestion(SubmissionStatus to) => to == SubmissionStatus.InformationRequested;

    /// <summary>The French refusal of a move the workflow does not allow.</summary>
    public string? Refusal(SubmissionStatus from, SubmissionStatus to) =>
        Allows(from, to) ? null
        : NextOf(from).Count == 0 ? FormsText.Format("FormsAgentTransitionFinal", from.Label())
        : FormsText.Format("FormsAgentTransitionRefused", from.Label(), to.Label(), string.Join(", ", NextOf(from).Select(s => s.Label())));
}

/// <summary>Statuses in the back office's addresses (?statut=en-traitement), so that a filtered queue can be bookmarked.</summary>
public static class RequestStatusSlugs
{
    /// <summary>The filter value of every request not yet decided.</summary>
    public const string Open = "a-traiter";

    private static readonly Dictionary<SubmissionStatus, string> Slugs = new()
    {
        [SubmissionStatus.Received] = "recue",
        [SubmissionStatus.InProgress] = "en-traitement",
        [SubmissionStatus.InformationRequested] = "information-demandee",
        [SubmissionStatus.Accepted] = "acceptee",
        [SubmissionStatus.Refused] = "refusee",
        [SubmissionStatus.Closed] = "cloturee",
    };

    public static IReadOnlyList<SubmissionStatus> All { get; } = Enum.GetValues<SubmissionStatus>();

    public static string Slug(this SubmissionStatus status) => Slugs[status];

    public static SubmissionStatus? Parse(string? slug) =>
        Slugs.FirstOrDefault(p => string.Equals(p.Value, slug, StringComparison.Ordinal)) is { Value: not null } found ? found.Key : null;
}
