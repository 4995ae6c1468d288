namespace Municipal.Core.Tenancy;

/// <summary>
/// The tenant of the current scope: set once by the resolution middleware for a request, or by the
/// provisioner for a recipe run. Everything tenant-scoped is reached through it.
/// </summary>
public sealed class TenantContext
{
    private Tenant? _tenant;

    public Tenant? Current => _tenant;

    public Tenant Tenant => _tenant ?? throw new InvalidOperationException("Aucun tenant n'est associé à cette requête.");

    public void Set(Tenant tenant)
    {
        if (_tenant is not null && _tenant.Name != tenant.Name)
        {
            throw new InvalidOperationException($"Ce scope appartient déjà au tenant « {_tenant.Name} ».");
        }

        _tenant = tenant;
    }
}
