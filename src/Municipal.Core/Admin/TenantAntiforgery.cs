using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Municipal.Core.Admin;

/// <summary>Binds antiforgery tokens to the tenant: a token issued by one municipality is refused by another.</summary>
internal sealed class TenantAntiforgeryAdditionalData : IAntiforgeryAdditionalDataProvider
{
    public string GetAdditionalData(HttpContext context) =>
        "tenant:" + (TenantAuthentication.CurrentTenantName(context) ?? string.Empty);

    public bool ValidateAdditionalData(HttpContext context, string additionalData) =>
        TenantAuthentication.CurrentTenantName(context) is { } tenant
        && string.Equals(additionalData, "tenant:" + tenant, StringComparison.Ordinal);
}
