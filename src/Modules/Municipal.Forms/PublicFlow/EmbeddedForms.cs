namespace Municipal.Forms.PublicFlow;

/// <summary>The e-counter as procedure pages see it: a form's first step inside the page, and the list of forms for the editor.</summary>
public sealed class EmbeddedForms(TenantContext tenant, FormStore forms, FormsDbContext db, PublicFormPages pages) : IEmbeddedForms
{
    public async Task<string?> FirstStepHtmlAsync(HttpContext http, string formSlug)
    {
        if (!Enabled || formSlug.Length > PublicFormPages.MaxSlugLength
            || await forms.GetLatestEnabledAsync(formSlug, http.RequestAborted) is not { } form)
        {
            return null;
        }

        return await pages.EmbeddedFirstStepAsync(http, form);
    }

    public async Task<IReadOnlyList<EmbeddedFormChoice>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return [];
        }

        var versions = await db.FormVersions.AsNoTracking().ToListAsync(cancellationToken);
        return versions
            .GroupBy(v => v.Slug, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(v => v.Version).First())
            .Where(v => v.Enabled)
            .Select(v => new EmbeddedFormChoice(v.Slug, FormSchemaJson.Read(v.Definition).Form?.Title ?? v.Slug))
            .OrderBy(c => c.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    private bool Enabled => tenant.Current?.HasFeature(FormsModule.Feature) == true;
}
