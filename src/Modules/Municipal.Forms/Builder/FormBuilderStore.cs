namespace Municipal.Forms.Builder;

/// <summary>A form in the builder's list.</summary>
public sealed record BuilderFormSummary(string Slug, string Title, int? LatestVersion, bool Enabled, int Requests, bool Unpublished);

/// <summary>A published version, for the history.</summary>
public sealed record BuilderVersion(int Version, DateTimeOffset CreatedUtc, bool Enabled);

/// <summary>
/// A form as the builder edits it: its working copy, what is published, whether requests exist, and the field names
/// requests have answered (which can no longer be renamed).
/// </summary>
public sealed record BuilderForm(
    FormDefinition Copy,
    BuilderVersion? Latest,
    int Requests,
    bool Unpublished,
    IReadOnlySet<string> AnsweredNames);

/// <summary>
/// The builder's working copies and what it needs of the published versions. Versioning: the officer edits a working
/// copy (FormWorkingCopies) that citizens never see; "Publier" checks it with FormDefinitionChecker and stores it through
/// <see cref="FormStore.SaveAsync(FormDefinition, bool, CancellationToken)"/> as the next version, keeping the form
/// enabled or disabled as it was (a new form stays disabled until the officer enables it). Submissions keep the version
/// they answered.
/// </summary>
public sealed class FormBuilderStore(FormsDbContext db, FormStore forms, TimeProvider clock)
{
    public async Task<IReadOnlyList<BuilderFormSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var copies = await db.WorkingCopies.AsNoTracking().ToListAsync(cancellationToken);
        var versions = await db.FormVersions.AsNoTracking()
            .Select(v => new { v.Id, v.Slug, v.Version, v.Enabled })
            .ToListAsync(cancellationToken);
        var latest = versions.GroupBy(v => v.Slug).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!, StringComparer.Ordinal);
        var requests = (await db.Submissions.AsNoTracking().GroupBy(s => s.FormSlug)
                .Select(g => new { Slug = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(r => r.Slug, r => r.Count, StringComparer.Ordinal);
        var latestIds = latest.Values.Select(v => v.Id).ToList();
        var latestDefinitions = await db.FormVersions.AsNoTracking()
            .Where(v => latestIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Slug, v => v.Definition, StringComparer.Ordinal, cancellationToken);

        var slugs = copies.Select(c => c.Slug).Concat(latest.Keys).Distinct(StringComparer.Ordinal);
        var list = new List<BuilderFormSummary>();
        foreach (var slug in slugs)
        {
            var copy = copies.FirstOrDefault(c => c.Slug == slug);
            var published = latest.GetValueOrDefault(slug);
            var definition = ReadCopy(copy?.Definition ?? latestDefinitions[slug]);
            var unpublished = published is null || (copy is not null && Differs(definition, latestDefinitions[slug], published.Version));
            list.Add(new BuilderFormSummary(
                slug, definition?.Title ?? slug, published?.Version, published?.Enabled == true, requests.GetValueOrDefault(slug), unpublished));
        }

        return list.OrderBy(f => f.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The form being built, from its working copy or, when it has none yet, its latest version; null when unknown.</summary>
    public async Task<BuilderForm?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var copy = await db.WorkingCopies.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        var latest = await db.FormVersions.AsNoTracking()
            .Where(v => v.Slug == slug)
            .OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);
        var definition = ReadCopy(copy?.Definition ?? latest?.Definition);
        if (definition is null)
        {
            return null;
        }

        var answeredVersions = await db.Submissions.AsNoTracking()
            .Where(s => s.FormSlug == slug)
            .Select(s => s.FormVersion)
            .Distinct()
            .ToListAsync(cancellationToken);
        var requests = answeredVersions.Count == 0 ? 0 : await db.Submissions.CountAsync(s => s.FormSlug == slug, cancellationToken);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in answeredVersions)
        {
            var stored = await forms.GetVersionAsync(slug, version, cancellationToken);
            answered.UnionWith(stored?.AllFields().Select(f => f.Name) ?? []);
        }

        return new BuilderForm(
            definition,
            latest is null ? null : new BuilderVersion(latest.Version, latest.CreatedUtc, latest.Enabled),
            requests,
            latest is null || (copy is not null && Differs(definition, latest.Definition, latest.Version)),
            answered);
    }

    public async Task<bool> SlugTakenAsync(string slug, CancellationToken cancellationToken) =>
        await db.WorkingCopies.AnyAsync(c => c.Slug == slug, cancellationToken)
        || await db.FormVersions.AnyAsync(v => v.Slug == slug, cancellationToken);

    /// <summary>Stores the working copy (created or replaced); nothing is published.</summary>
    public async Task SaveCopyAsync(FormDefinition copy, CancellationToken cancellationToken)
    {
        var row = await db.WorkingCopies.FirstOrDefaultAsync(c => c.Slug == copy.Slug, cancellationToken);
        if (row is null)
        {
            db.WorkingCopies.Add(new FormWorkingCopyRecord { Slug = copy.Slug, Definition = FormSchemaJson.Write(copy), UpdatedUtc = clock.GetUtcNow() });
        }
        else
        {
            row.Definition = FormSchemaJson.Write(copy);
            row.UpdatedUtc = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Gives the form a new slug: its working copy, its published versions (their stored definitions name the slug)
    /// and citizens' drafts follow. Only while no request exists (the caller checks): a request's form never changes.
    /// </summary>
    public async Task RenameAsync(string slug, FormDefinition copy, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var version in await db.FormVersions.Where(v => v.Slug == slug).ToListAsync(cancellationToken))
        {
            var stored = ReadCopy(version.Definition);
            version.Slug = copy.Slug;
            if (stored is not null)
            {
                version.Definition = FormSchemaJson.Write(stored with { Slug = copy.Slug });
            }
        }

        foreach (var draft in await db.Drafts.Where(d => d.FormSlug == slug).ToListAsync(cancellationToken))
        {
            draft.FormSlug = copy.Slug;
        }

        await db.WorkingCopies.Where(c => c.Slug == slug).ExecuteDeleteAsync(cancellationToken);
        db.WorkingCopies.Add(new FormWorkingCopyRecord { Slug = copy.Slug, Definition = FormSchemaJson.Write(copy), UpdatedUtc = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Forgets the working copy: the builder starts again from the latest published version.</summary>
    public Task DiscardCopyAsync(string slug, CancellationToken cancellationToken) =>
        db.WorkingCopies.Where(c => c.Slug == slug).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Publishes the working copy as the next version, or returns the French problems that prevent it.</summary>
    public async Task<(FormDefinition? Published, IReadOnlyList<string> Problems)> PublishAsync(BuilderForm form, CancellationToken cancellationToken)
    {
        var candidate = form.Copy with { Version = form.Latest?.Version ?? 1 };
        var problems = forms.Check(candidate);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var published = await forms.SaveAsync(candidate, enabled: form.Latest?.Enabled ?? false, cancellationToken);
        await SaveCopyAsync(published, cancellationToken);
        return (published, []);
    }

    public async Task<IReadOnlyList<BuilderVersion>> VersionsAsync(string slug, CancellationToken cancellationToken) =>
        (await db.FormVersions.AsNoTracking()
            .Where(v => v.Slug == slug)
            .Select(v => new { v.Version, v.CreatedUtc, v.Enabled })
            .ToListAsync(cancellationToken))
        .OrderByDescending(v => v.Version)
        .Select(v => new BuilderVersion(v.Version, v.CreatedUtc, v.Enabled))
        .ToList();

    /// <summary>Reads a stored definition without checking it: a working copy may be incomplete. Null when unreadable.</summary>
    public static FormDefinition? ReadCopy(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<FormDefinition>(json, FormSchemaJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Differs(FormDefinition? copy, string publishedJson, int publishedVersion) =>
        copy is null || FormSchemaJson.Write(copy with { Version = publishedVersion }) != publishedJson;
}
