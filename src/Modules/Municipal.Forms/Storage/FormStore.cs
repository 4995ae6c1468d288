namespace Municipal.Forms.Storage;

/// <summary>
/// The tenant's forms, versioned: saving a changed definition adds a version (last + 1); saving the same definition
/// again adds nothing. Submissions refer to the version they answered, which is never rewritten.
/// Every change a visitor can see (a new version, enabling, disabling) evicts the tenant's cached public pages: the
/// API's form list and schemas and the procedure pages that embed a form's first step would stay stale for minutes.
/// </summary>
public sealed class FormStore(FormsDbContext db, TenantContext tenant, PublicPageCache pages, TimeProvider clock, IEnumerable<IRequestContentTarget> targets)
{
    /// <summary>The French problems of a definition: its own rules, and the content type its "createsContent" names.</summary>
    public IReadOnlyList<string> Check(FormDefinition form) =>
        [.. Validation.FormDefinitionChecker.Check(form), .. Validation.FormDefinitionChecker.CheckTarget(form, targets)];

    /// <summary>Stores the definition as the form's next version, unless it equals the latest one. Returns the stored definition.</summary>
    public Task<FormDefinition> SaveAsync(FormDefinition form, CancellationToken cancellationToken) =>
        SaveAsync(form, enabled: true, cancellationToken);

    /// <summary>
    /// As <see cref="SaveAsync(FormDefinition, CancellationToken)"/>, the new version enabled or not: the form builder
    /// keeps a disabled form disabled when it publishes a new version, and a new form disabled until the officer enables it.
    /// </summary>
    public async Task<FormDefinition> SaveAsync(FormDefinition form, bool enabled, CancellationToken cancellationToken)
    {
        var problems = Check(form);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(form));
        }

        var latest = await db.FormVersions.AsNoTracking()
            .Where(f => f.Slug == form.Slug)
            .OrderByDescending(f => f.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && FormSchemaJson.Write(form with { Version = latest.Version }) == latest.Definition)
        {
            return form with { Version = latest.Version };
        }

        var saved = form with { Version = (latest?.Version ?? 0) + 1 };
        db.FormVersions.Add(new FormVersionRecord
        {
            Slug = saved.Slug,
            Version = saved.Version,
            Definition = FormSchemaJson.Write(saved),
            CreatedUtc = clock.GetUtcNow(),
            Enabled = enabled,
        });
        await db.SaveChangesAsync(cancellationToken);
        await EvictPagesAsync(cancellationToken);
        return saved;
    }

    /// <summary>The latest version of the form, or null when it is unknown or its latest version is disabled.</summary>
    public async Task<FormDefinition?> GetLatestEnabledAsync(string slug, CancellationToken cancellationToken)
    {
        var latest = await db.FormVersions.AsNoTracking()
            .Where(f => f.Slug == slug)
            .OrderByDescending(f => f.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return latest is { Enabled: true } ? Read(latest) : null;
    }

    /// <summary>A given version, enabled or not (to show what an older submission answered).</summary>
    public async Task<FormDefinition?> GetVersionAsync(string slug, int version, CancellationToken cancellationToken)
    {
        var record = await db.FormVersions.AsNoTracking()
            .FirstOrDefaultAsync(f => f.Slug == slug && f.Version == version, cancellationToken);
        return record is null ? null : Read(record);
    }

    /// <summary>Enables or disables the form (all its versions: a disabled form takes no new submission).</summary>
    public async Task<bool> SetEnabledAsync(string slug, bool enabled, CancellationToken cancellationToken)
    {
        var versions = await db.FormVersions.Where(f => f.Slug == slug).ToListAsync(cancellationToken);
        foreach (var version in versions)
        {
            version.Enabled = enabled;
        }

        await db.SaveChangesAsync(cancellationToken);
        await EvictPagesAsync(cancellationToken);
        return versions.Count > 0;
    }

    // Inside a recipe's transaction this runs before the commit; the recipe runner evicts again once committed.
    private ValueTask EvictPagesAsync(CancellationToken cancellationToken) =>
        pages.EvictAsync(tenant.Tenant.Name, cancellationToken);

    private static FormDefinition Read(FormVersionRecord record) =>
        FormSchemaJson.Read(record.Definition).Form
        ?? throw new InvalidOperationException($"The stored definition of form '{record.Slug}' version {record.Version} cannot be read.");
}
