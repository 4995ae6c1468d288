namespace Municipal.Admin;

/// <summary>
/// The addresses of the content back office, in one place: the list and editor pages link to the review,
/// revision and trash pages, and each is built by a different part of the code.
/// </summary>
public static class ContentAdminRoutes
{
    /// <summary>List of contents: ?type=&amp;statut=&amp;q=&amp;page=.</summary>
    public const string List = "/admin/contenus";

    /// <summary>New item form: ?type=Page.</summary>
    public const string New = "/admin/contenus/nouveau";

    /// <summary>The review queue (submitted items), for editors.</summary>
    public const string ReviewQueue = "/admin/relecture";

    /// <summary>Items in the trash.</summary>
    public const string Trash = "/admin/corbeille";

    public static string Edit(string contentItemId) => $"/admin/contenus/{Segment(contentItemId)}";

    /// <summary>The latest revision rendered exactly as the public would see it.</summary>
    public static string Preview(string contentItemId) => $"/admin/contenus/{Segment(contentItemId)}/apercu";

    public static string Publish(string contentItemId) => $"/admin/contenus/{Segment(contentItemId)}/publier";

    public static string Unpublish(string contentItemId) => $"/admin/contenus/{Segment(contentItemId)}/depublier";

    /// <summary>POST date, time and what ("publish"/"unpublish").</summary>
    public static string Schedule(string contentItemId) => $"/admin/contenus/{Segment(contentItemId)}/programmer";

    /// <summary>POST what ("publish"/"unpublish"): cancel the pending scheduled publication or unpublication.</summary>
    public static string CancelSchedule(string contentItemId) => $"/admin/contenus/{Segment(contentItemId)}/programmer/annuler";

    /// <summary>POST (an author): submit the latest revision for review, with an optional note.</summary>
    public static string Submit(string contentItemId) => $"/admin/contenus/{Segment(contentItemId)}/soumettre";

    /// <summary>GET: the review page of a submitted item (diff against the published version, approve or send back).</summary>
    public static string Review(string contentItemId) => $"/admin/relecture/{Segment(contentItemId)}";

    /// <summary>POST (an editor): publish the submitted revision.</summary>
    public static string Approve(string contentItemId) => $"/admin/relecture/{Segment(contentItemId)}/approuver";

    /// <summary>POST (an editor): send back to the author with a required comment.</summary>
    public static string SendBack(string contentItemId) => $"/admin/relecture/{Segment(contentItemId)}/renvoyer";

    public static string Revisions(string contentItemId) => $"/admin/contenus/{Segment(contentItemId)}/revisions";

    /// <summary>GET: one revision compared with the one before it.</summary>
    public static string Revision(string contentItemId, long revisionId) => $"/admin/contenus/{Segment(contentItemId)}/revisions/{revisionId}";

    public static string RestoreRevision(string contentItemId, long revisionId) => $"/admin/contenus/{Segment(contentItemId)}/revisions/{revisionId}/restaurer";

    /// <summary>POST: put the item in the trash (takes it offline).</summary>
    public static string MoveToTrash(string contentItemId) => $"/admin/contenus/{Segment(contentItemId)}/corbeille";

    public static string RestoreFromTrash(string contentItemId) => $"/admin/corbeille/{Segment(contentItemId)}/restaurer";

    /// <summary>
    /// The id as one path segment: ids of recipe content hold ":" and "/" ("page:vivre/parc"), escaped here;
    /// handlers read the route value through <see cref="Uri.UnescapeDataString(string)"/> (a "/" stays "%2F" in the route value).
    /// </summary>
    /// <summary>The content item id of an "{id}" route value ("%2F" is not decoded by routing).</summary>
    public static string IdFromRoute(string routeValue) => Uri.UnescapeDataString(routeValue);

    private static string Segment(string contentItemId) => Uri.EscapeDataString(contentItemId);
}
