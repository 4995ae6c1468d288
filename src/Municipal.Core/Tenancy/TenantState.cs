namespace Municipal.Core.Tenancy;

/// <summary>Lifecycle of a municipality. Uninitialized while its recipe runs; Running ⇄ Disabled afterwards.</summary>
public enum TenantState
{
    Uninitialized = 0,
    Running = 1,
    Disabled = 2,
}
