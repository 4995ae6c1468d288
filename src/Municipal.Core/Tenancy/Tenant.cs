namespace Municipal.Core.Tenancy;

/// <summary>
/// An immutable snapshot of a tenant as the registry knows it. Requests see one snapshot from start to end,
/// so a concurrent change (disable, new feature) never shows half applied within a request.
/// </summary>
public sealed record Tenant(
    string Name,
    string DisplayName,
    IReadOnlyList<string> Hosts,
    string? PathPrefix,
    TenantState State,
    IReadOnlySet<string> Features,
    string Culture,
    string Theme)
{
    /// <summary>
    /// The canonical address of the tenant's links (scheme, host, port and prefix, no trailing "/"), fixed at its creation
    /// from its first host as the operator gave it; null for a tenant created before (see <see cref="TenantUrls.Root(Tenant)"/>).
    /// </summary>
    public string? PublicUrl { get; init; }

    public bool HasFeature(string feature) => Features.Contains(feature);
}
