namespace Municipal.Admin;

/// <summary>
/// Binds antiforgery tokens to the tenant: a token issued by one municipality is refused by another. The host's
/// administration (/host, no tenant) has a binding of its own, refused by every tenant and refusing theirs.
/// </summary>
internal sealed class TenantAntiforgeryAdditionalData : IAntiforgeryAdditionalDataProvider
{
    public string GetAdditionalData(HttpContext context) => Expected(context) ?? "tenant:";

    public bool ValidateAdditionalData(HttpContext context, string additionalData) =>
        Expected(context) is { } expected && string.Equals(additionalData, expected, StringComparison.Ordinal);

    private static string? Expected(HttpContext context) =>
        TenantAuthentication.CurrentTenantName(context) is { } tenant
            ? "tenant:" + tenant
            : context.Request.PathBase.Add(context.Request.Path).StartsWithSegments(TenantResolutionMiddleware.HostAdminPath) ? "host" : null;
}
