namespace Municipal.Core.Tenancy;

/// <summary>Row of the tenant registry in the host database.</summary>
public sealed class TenantRecord
{
    public required string Name { get; set; }
    public required string DisplayName { get; set; }
    public string? PathPrefix { get; set; }
    public TenantState State { get; set; }
    public List<string> Features { get; set; } = [];
    public string Culture { get; set; } = "fr-BE";
    public string Theme { get; set; } = "default";
    public DateTimeOffset CreatedUtc { get; set; }
    public List<TenantHostRecord> Hosts { get; set; } = [];

    /// <summary>See <see cref="Tenant.PublicUrl"/>.</summary>
    public string? PublicUrl { get; set; }

    public Tenant ToSnapshot() => new(
        Name,
        DisplayName,
        Hosts.Select(h => h.Host).OrderBy(h => h, StringComparer.Ordinal).ToArray(),
        PathPrefix,
        State,
        new HashSet<string>(Features, StringComparer.OrdinalIgnoreCase),
        Culture,
        Theme)
    { PublicUrl = PublicUrl };
}

/// <summary>One host name a tenant answers on. The primary key makes a host belong to one tenant at most.</summary>
public sealed class TenantHostRecord
{
    public required string Host { get; set; }
    public required string TenantName { get; set; }
}

/// <summary>A recipe applied to a tenant, kept in the host database so the operator sees the history.</summary>
public sealed class RecipeRunRecord
{
    public long Id { get; set; }
    public required string TenantName { get; set; }
    public required string Recipe { get; set; }
    public DateTimeOffset StartedUtc { get; set; }
    public DateTimeOffset? FinishedUtc { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
}
