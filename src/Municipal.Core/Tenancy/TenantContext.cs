namespace Municipal.Core.Tenancy;

/// <summary>
/// The tenant of the current scope: set once by the resolution middleware for a request, or by the
/// provisioner for a recipe run. Everything tenant-scoped is reached through it.
/// </summary>
public sealed class TenantContext
{
    private Tenant? _tenant;

    public Tenant? Current => _tenant;

    public Tenant Tenant => _tenant ?? throw new InvalidOperationException("No tenant is attached to this request.");

    public void Set(Tenant tenant)
    {
        if (_tenant is not null && _tenant.Name != tenant.Name)
        {
            throw new InvalidOperationException($"This scope already belongs to tenant '{_tenant.Name}'.");
        }

        _tenant = tenant;
    }
}
