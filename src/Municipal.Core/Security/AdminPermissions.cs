using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Municipal.Core.Admin;

namespace Municipal.Core.Security;

/// <summary>
/// What each role of a tenant may do in the back office. Endpoints ask for a permission, never for a role, so a
/// role's rights are read here in one place. Each permission is an authorization policy of the same name.
/// </summary>
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

    /// <summary>Citizens' requests of the e-counter.</summary>
    public const string HandleRequests = "requests.handle";

    /// <summary>Build, change, enable and disable the e-counter's forms.</summary>
    public const string ManageForms = "forms.manage";

    private static readonly Dictionary<string, string[]> RolesByPermission = new(StringComparer.Ordinal)
    {
        [EditContent] = [TenantRoles.Administrator, TenantRoles.Editor, TenantRoles.Author],
        [PublishContent] = [TenantRoles.Administrator, TenantRoles.Editor],
        [ManageNavigation] = [TenantRoles.Administrator, TenantRoles.Editor],
        [ManageSettings] = [TenantRoles.Administrator],
        [ManageUsers] = [TenantRoles.Administrator],
        [ViewAudit] = [TenantRoles.Administrator],
        [HandleRequests] = [TenantRoles.Administrator, TenantRoles.Agent],
        [ManageForms] = [TenantRoles.Administrator, TenantRoles.Editor],
    };

    public static IReadOnlyCollection<string> All => RolesByPermission.Keys;

    /// <summary>The roles that carry a permission.</summary>
    public static IReadOnlyList<string> RolesFor(string permission) =>
        RolesByPermission.TryGetValue(permission, out var roles) ? roles : throw new ArgumentException($"Unknown permission: {permission}.", nameof(permission));

    /// <summary>True when the signed-in user of this tenant holds the permission (to show or hide a button).</summary>
    public static bool Has(this ClaimsPrincipal user, string permission) =>
        user.Identity?.IsAuthenticated == true && RolesFor(permission).Any(user.IsInRole);

    /// <summary>The endpoint answers 403 to a signed-in user without the permission (and sends others to sign in).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        _ = RolesFor(permission);
        return builder.RequireAuthorization(permission);
    }

    internal static void AddPolicies(AuthorizationOptions options)
    {
        foreach (var (permission, roles) in RolesByPermission)
        {
            options.AddPolicy(permission, policy => policy
                .AddAuthenticationSchemes(TenantAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(TenantAuthentication.TenantClaim)
                .RequireRole(roles));
        }
    }
}
