namespace Municipal.Admin.Content;

/// <summary>The content type editors the modules registered, and those a tenant may use (its features on).</summary>
public sealed class ContentEditors(IEnumerable<IContentTypeEditor> editors)
{
    public IReadOnlyList<IContentTypeEditor> All { get; } = editors.ToList();

    public IReadOnlyList<IContentTypeEditor> For(Tenant tenant) => All.Where(e => tenant.HasFeature(e.Feature)).ToList();

    public IContentTypeEditor? Find(Tenant tenant, string? contentType) =>
        For(tenant).FirstOrDefault(e => string.Equals(e.ContentType, contentType, StringComparison.Ordinal));
}
