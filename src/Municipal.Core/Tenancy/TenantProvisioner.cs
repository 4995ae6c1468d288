using Municipal.Core.Recipes;
using Municipal.Core.Security;

namespace Municipal.Core.Tenancy;

public sealed record CreateTenantRequest(
    string Name,
    string DisplayName,
    IReadOnlyList<string> Hosts,
    string? PathPrefix,
    string Recipe,
    string AdminEmail,
    string? AdminPassword = null,
    string Culture = "fr-BE");

/// <summary>The new tenant, and the administrator's password when it was generated (shown once, never stored in clear).</summary>
public sealed record CreatedTenant(Tenant Tenant, string AdminEmail, string? GeneratedPassword);

/// <summary>
/// Creates tenants all-or-nothing, applies recipes to running tenants, enables, disables and deletes them.
/// The one place where the registry, the storage and recipes meet; the CLI and the host API both call it.
/// </summary>
public sealed partial class TenantProvisioner(
    IServiceScopeFactory scopes,
    TenantRegistry registry,
    TenantStorage storage,
    RecipeParser recipes,
    TenantUrls urls,
    PasswordPolicy passwordPolicy,
    Sharing.SharedCatalogRelay sharing,
    TimeProvider clock,
    ILogger<TenantProvisioner> logger)
{
    /// <param name="recipeMayBePath">True for the command line, which may name a recipe file; false for remote callers.</param>
    public async Task<CreatedTenant> CreateAsync(CreateTenantRequest request, bool recipeMayBePath, CancellationToken cancellationToken)
    {
        var hosts = ValidateRequest(request);
        var prefix = request.PathPrefix is null ? null : TenantNames.NormalizePrefix(request.PathPrefix);
        var (recipeName, json) = await recipes.LoadAsync(request.Recipe, recipeMayBePath, cancellationToken);
        var prepared = recipes.Prepare(recipeName, json, new RecipeVariables(request.Name, request.DisplayName.Trim(), hosts.FirstOrDefault()));
        var password = request.AdminPassword ?? AdminAccounts.GeneratePassword();

        if (passwordPolicy.Check(password) is { } passwordProblem)
        {
            throw new TenantRequestException(CoreText.Format("TenantErrorPasswordRefused", passwordProblem));
        }

        var record = new TenantRecord
        {
            Name = request.Name,
            DisplayName = request.DisplayName.Trim(),
            PathPrefix = prefix,
            State = TenantState.Uninitialized,
            Culture = request.Culture,
            CreatedUtc = clock.GetUtcNow(),
            Hosts = hosts.Select(h => new TenantHostRecord { Host = h, TenantName = request.Name }).ToList(),
            // Fixed now, from the first host as the operator gave it (the registry keeps hosts in no order).
            PublicUrl = urls.Derive(hosts, prefix),
        };
        await ReserveAsync(record, cancellationToken);

        var started = clock.GetUtcNow();
        try
        {
            if (storage.Exists(record.Name))
            {
                // A folder with no registry row: left by a crash. It belongs to no tenant, so it goes.
                await storage.DeleteAsync(record.Name, cancellationToken);
            }

            await storage.CreateAsync(record.Name, cancellationToken);
            var features = await RunRecipeAsync(record.ToSnapshot(), prepared, cancellationToken, async services =>
                await services.GetRequiredService<AdminAccounts>().CreateAdministratorAsync(request.AdminEmail.Trim(), password));

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            var row = await db.Tenants.Include(t => t.Hosts).SingleAsync(t => t.Name == record.Name, cancellationToken);
            row.Features = features.Order(StringComparer.Ordinal).ToList();
            row.State = TenantState.Running;
            db.RecipeRuns.Add(new RecipeRunRecord { TenantName = record.Name, Recipe = prepared.Name, StartedUtc = started, FinishedUtc = clock.GetUtcNow(), Succeeded = true });
            await db.SaveChangesAsync(cancellationToken);
            registry.Invalidate();
            storage.Release(record.Name);
            LogCreated(logger, record.Name, prepared.Name);
            var created = row.ToSnapshot();
            await ShareAsync(created, fromStart: false, cancellationToken);
            return new CreatedTenant(created, request.AdminEmail.Trim(), request.AdminPassword is null ? password : null);
        }
        catch (Exception ex)
        {
            LogCreationFailed(logger, ex, record.Name);
            await RemoveEverythingAsync(record.Name);
            throw;
        }
    }

    /// <summary>Applies a recipe to one running tenant, in one transaction; the run is recorded either way.</summary>
    public async Task ApplyRecipeAsync(string tenantName, string recipe, bool recipeMayBePath, CancellationToken cancellationToken)
    {
        var tenant = await registry.FindAsync(tenantName, cancellationToken) ?? throw new TenantNotFoundException(CoreText.Format("TenantErrorNotFound", tenantName));
        var (recipeName, json) = await recipes.LoadAsync(recipe, recipeMayBePath, cancellationToken);
        await ApplyPreparedAsync(tenant, recipeName, json, cancellationToken);
    }

    /// <summary>Applies a recipe to every running tenant; one failure does not stop the others.</summary>
    public async Task<IReadOnlyList<(string Tenant, string? Error)>> ApplyRecipeToAllAsync(string recipe, bool recipeMayBePath, CancellationToken cancellationToken)
    {
        var (recipeName, json) = await recipes.LoadAsync(recipe, recipeMayBePath, cancellationToken);
        var results = new List<(string, string?)>();
        var lookup = await registry.GetLookupAsync(cancellationToken);
        foreach (var tenant in lookup.All.Where(t => t.State == TenantState.Running).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            try
            {
                await ApplyPreparedAsync(tenant, recipeName, json, cancellationToken);
                results.Add((tenant.Name, null));
            }
            catch (RecipeException ex)
            {
                results.Add((tenant.Name, ex.Message));
            }
        }

        return results;
    }

    /// <summary>Runs the tenant again; what it shares is copied anew from the start of its change table.</summary>
    public async Task EnableAsync(string tenantName, CancellationToken cancellationToken)
    {
        await SetStateAsync(tenantName, TenantState.Running, cancellationToken);
        if (await registry.FindAsync(tenantName, cancellationToken) is { } tenant)
        {
            await ShareAsync(tenant, fromStart: true, cancellationToken);
        }
    }

    /// <summary>Stops the tenant; what it shares leaves the catalogue at once.</summary>
    public async Task DisableAsync(string tenantName, CancellationToken cancellationToken)
    {
        await SetStateAsync(tenantName, TenantState.Disabled, cancellationToken);

        // The tenant is disabled whatever happens next: the catalogue's readers skip a tenant that is not running, so a
        // removal that fails (a busy database) is logged and hides nothing that should show.
        try
        {
            await sharing.RemoveSourceAsync(tenantName, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogShareFailed(logger, ex, tenantName);
        }
    }

    public async Task DeleteAsync(string tenantName, CancellationToken cancellationToken)
    {
        _ = await registry.FindAsync(tenantName, cancellationToken) ?? throw new TenantNotFoundException(CoreText.Format("TenantErrorNotFound", tenantName));
        await RemoveEverythingAsync(tenantName);
    }

    /// <summary>
    /// Copies what the tenant shares into the catalogue (<paramref name="fromStart"/>: anew, from the start of its change
    /// table); a failure is logged and never fails the operator's request, the catch-up repairs it.
    /// </summary>
    private async Task ShareAsync(Tenant tenant, bool fromStart, CancellationToken cancellationToken)
    {
        try
        {
            if (fromStart)
            {
                await sharing.RemoveSourceAsync(tenant.Name, cancellationToken);
            }

            await sharing.RelayAsync(tenant, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogShareFailed(logger, ex, tenant.Name);
        }
    }

    public async Task<IReadOnlyList<RecipeRunRecord>> RecipeRunsAsync(string tenantName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        return await db.RecipeRuns.AsNoTracking().Where(r => r.TenantName == tenantName).OrderByDescending(r => r.Id).Take(50).ToListAsync(cancellationToken);
    }
}
