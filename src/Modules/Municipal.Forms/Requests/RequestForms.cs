namespace Municipal.Forms.Requests;

/// <summary>
/// The tenant's forms as the back office needs them: every stored version (a request is read against the one it
/// answered) and, per form, the latest (its title and its agents' role). Read once per request of the back office.
/// </summary>
public sealed class RequestForms
{
    private readonly Dictionary<(string Slug, int Version), FormDefinition> _versions;

    private RequestForms(Dictionary<(string, int), FormDefinition> versions)
    {
        _versions = versions;
        Latest = versions.Values
            .GroupBy(f => f.Slug, StringComparer.Ordinal)
            .Select(g => g.MaxBy(f => f.Version)!)
            .OrderBy(f => f.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The latest version of each form, by title.</summary>
    public IReadOnlyList<FormDefinition> Latest { get; }

    public static async Task<RequestForms> LoadAsync(FormsDbContext db, CancellationToken cancellationToken)
    {
        var records = await db.FormVersions.AsNoTracking().ToListAsync(cancellationToken);
        var versions = new Dictionary<(string, int), FormDefinition>();
        foreach (var record in records)
        {
            if (FormSchemaJson.Read(record.Definition).Form is { } form)
            {
                versions[(record.Slug, record.Version)] = form with { Version = record.Version };
            }
        }

        return new RequestForms(versions);
    }

    public FormDefinition? Version(string slug, int version) => _versions.GetValueOrDefault((slug, version));

    public FormDefinition? LatestOf(string slug) => Latest.FirstOrDefault(f => f.Slug == slug);

    /// <summary>The form's title as agents read it (the latest version's), or its slug when it is gone.</summary>
    public string Title(string slug) => LatestOf(slug)?.Title ?? slug;

    /// <summary>
    /// A form with an agents' role is handled by the members of that role and administrators only; a form without
    /// one, by every user who handles requests. The rule of the latest version applies to all its requests.
    /// </summary>
    public bool CanSee(ClaimsPrincipal user, string slug) =>
        LatestOf(slug)?.AgentRole is not { Length: > 0 } role || user.IsInRole(TenantRoles.Administrator) || user.IsInRole(role);

    /// <summary>The forms whose requests this user may not see (to leave out of the queue and the export).</summary>
    public IReadOnlyList<string> HiddenFrom(ClaimsPrincipal user) =>
        Latest.Where(f => !CanSee(user, f.Slug)).Select(f => f.Slug).ToList();

    /// <summary>The forms reserved to a role, for the page's explanation ("Formulaire X : rôle Agent").</summary>
    public IReadOnlyList<FormDefinition> Restricted => Latest.Where(f => f.AgentRole is { Length: > 0 }).ToList();

    /// <summary>Whether an agent with these roles may handle requests of this form (to be assigned one).</summary>
    public bool RolesMaySee(IReadOnlyCollection<string> roles, string slug) =>
        LatestOf(slug)?.AgentRole is not { Length: > 0 } role || roles.Contains(TenantRoles.Administrator) || roles.Contains(role);
}
