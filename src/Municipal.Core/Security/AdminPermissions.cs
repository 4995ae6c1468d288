using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Municipal.Core.Security;

/// <summary>
/// A right of the back office, declared by the core or by a module (<c>services.AddSingleton(new Permission(...))</c>),
/// with the roles that hold it. Endpoints ask for a permission, never for a role, so a role's rights are read in the
/// registered permissions only. Each permission is an authorization policy of the same name.
/// </summary>
/// <param name="Name">"area.verb", e.g. "requests.handle".</param>
/// <param name="Roles">The tenant roles (<see cref="TenantRoles"/>) that hold it.</param>
public sealed record Permission(string Name, IReadOnlyList<string> Roles);

/// <summary>The core's permissions; modules declare theirs the same way, in their own module class.</summary>
public static class AdminPermissions
{
    /// <summary>Create and edit drafts, submit them for review, upload media.</summary>
    public const string EditContent = "content.edit";

    /// <summary>Publish, unpublish, schedule, approve or send back, trash and restore content; delete media.</summary>
    public const string PublishContent = "content.publish";

    /// <summary>Menus and taxonomies.</summary>
    public const string ManageNavigation = "site.navigation";

    /// <summary>Site settings: branding, footer, contact, accessibility statement.</summary>
    public const string ManageSettings = "site.settings";

    /// <summary>Users of the tenant, their roles and invitations.</summary>
    public const string ManageUsers = "users.manage";

    /// <summary>The tenant's audit log.</summary>
    public const string ViewAudit = "audit.view";

    /// <summary>The claim that carries each permission of the signed-in user (see <see cref="PermissionClaims"/>).</summary>
    public const string ClaimType = "permission";

    internal static readonly IReadOnlyList<Permission> Core =
    [
        new(EditContent, [TenantRoles.Administrator, TenantRoles.Editor, TenantRoles.Author]),
        new(PublishContent, [TenantRoles.Administrator, TenantRoles.Editor]),
        new(ManageNavigation, [TenantRoles.Administrator, TenantRoles.Editor]),
        new(ManageSettings, [TenantRoles.Administrator]),
        new(ManageUsers, [TenantRoles.Administrator]),
        new(ViewAudit, [TenantRoles.Administrator]),
    ];

    /// <summary>True when the signed-in user of this tenant holds the permission (to show or hide a button).</summary>
    public static bool Has(this ClaimsPrincipal user, string permission) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(ClaimType, permission);

    /// <summary>
    /// The endpoint answers 403 to a signed-in user without the permission (and sends others to sign in). A name no
    /// core or module declared fails at the first request to the endpoint (no such policy), never silently.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission);
}

/// <summary>Every permission the core and the loaded modules declared.</summary>
public sealed class PermissionCatalog
{
    private readonly Dictionary<string, Permission> byName;

    public PermissionCatalog(IEnumerable<Permission> permissions)
    {
        byName = new Dictionary<string, Permission>(StringComparer.Ordinal);
        foreach (var permission in permissions)
        {
            // Two modules claiming one name would silently share a right: refused when the policies are built, before any request is authorised.
            if (!byName.TryAdd(permission.Name, permission))
            {
                throw new InvalidOperationException($"The permission '{permission.Name}' is declared twice.");
            }
        }
    }

    public IReadOnlyCollection<Permission> All => byName.Values;

    /// <summary>The roles that carry a permission (to mail everyone who may act on something).</summary>
    public IReadOnlyList<string> RolesFor(string permission) =>
        byName.TryGetValue(permission, out var found) ? found.Roles : throw new ArgumentException($"Unknown permission: {permission}.", nameof(permission));

    /// <summary>The permissions the given roles carry.</summary>
    public IEnumerable<string> Granted(Func<string, bool> isInRole) =>
        byName.Values.Where(p => p.Roles.Any(isInRole)).Select(p => p.Name);
}

/// <summary>One authorization policy per declared permission: a signed-in user of this tenant holding one of its roles.</summary>
internal sealed class PermissionPolicies(PermissionCatalog catalog) : IConfigureOptions<AuthorizationOptions>
{
    public void Configure(AuthorizationOptions options)
    {
        foreach (var permission in catalog.All)
        {
            options.AddPolicy(permission.Name, policy => policy
                .AddAuthenticationSchemes(TenantAuthenticationNames.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(TenantAuthenticationNames.TenantClaim)
                .RequireRole(permission.Roles));
        }
    }
}

/// <summary>
/// Adds the user's permissions, read from their roles, as claims, so that <see cref="AdminPermissions.Has"/> needs no
/// service. Runs on each authentication; the roles themselves come from the session's cookie, checked on every request.
/// </summary>
internal sealed class PermissionClaims(PermissionCatalog catalog) : IClaimsTransformation
{
    private const string IdentityType = "Municipal.Permissions";

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (!principal.HasClaim(c => c.Type == TenantAuthenticationNames.TenantClaim) || principal.Identities.Any(i => i.AuthenticationType == IdentityType))
        {
            return Task.FromResult(principal);
        }

        // A copy: the handler may hand the same principal to a second authentication of this request.
        var copy = principal.Clone();
        copy.AddIdentity(new ClaimsIdentity(catalog.Granted(principal.IsInRole).Select(p => new Claim(AdminPermissions.ClaimType, p)), IdentityType));
        return Task.FromResult(copy);
    }
}
