using System.Net.Mail;
using Municipal.Core.Recipes;

namespace Municipal.Core.Tenancy;

public sealed partial class TenantProvisioner
{
    private static List<string> ValidateRequest(CreateTenantRequest request)
    {
        var problem = TenantNames.ValidateName(request.Name)
            ?? (string.IsNullOrWhiteSpace(request.DisplayName) ? CoreText.Get("TenantErrorDisplayNameRequired") : null)
            ?? (request.Hosts.Count == 0 && request.PathPrefix is null ? CoreText.Get("TenantErrorHostOrPrefixRequired") : null)
            ?? request.Hosts.Select(TenantNames.ValidateHost).FirstOrDefault(p => p is not null)
            ?? TenantNames.ValidatePrefix(request.PathPrefix)
            ?? (MailAddress.TryCreate(request.AdminEmail?.Trim(), out var email) && email.Address == request.AdminEmail.Trim()
                ? null
                : CoreText.Format("TenantErrorAdminEmail", request.AdminEmail ?? string.Empty));
        if (problem is not null)
        {
            throw new TenantRequestException(problem);
        }

        var hosts = request.Hosts.Select(TenantNames.NormalizeHost).Distinct(StringComparer.Ordinal).ToList();
        return hosts;
    }

    /// <summary>Inserts the registry row in state Uninitialized: it claims the name and hosts (503 while the recipe runs).</summary>
    private async Task ReserveAsync(TenantRecord record, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        if (await db.Tenants.AnyAsync(t => t.Name == record.Name, cancellationToken))
        {
            throw new TenantConflictException(CoreText.Format("TenantErrorExists", record.Name));
        }

        var hostNames = record.Hosts.Select(h => h.Host).ToList();
        var takenHost = await db.TenantHosts.Where(h => hostNames.Contains(h.Host)).FirstOrDefaultAsync(cancellationToken);
        if (takenHost is not null)
        {
            throw new TenantConflictException(CoreText.Format("TenantErrorHostTaken", takenHost.Host, takenHost.TenantName));
        }

        if (record.PathPrefix is not null && await db.Tenants.AnyAsync(t => t.PathPrefix == record.PathPrefix, cancellationToken))
        {
            throw new TenantConflictException(CoreText.Format("TenantErrorPrefixTaken", record.PathPrefix));
        }

        db.Tenants.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another operator claimed the same name or host between the checks and the insert.
            throw new TenantConflictException(CoreText.Format("TenantErrorJustTaken", record.Name), ex);
        }

        registry.Invalidate();
    }

    /// <summary>Runs a recipe in a scope of the tenant; returns the features the tenant ends with.</summary>
    private async Task<ISet<string>> RunRecipeAsync(Tenant tenant, PreparedRecipe recipe, CancellationToken cancellationToken, Func<IServiceProvider, Task>? afterRecipe = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var features = new HashSet<string>(tenant.Features, StringComparer.OrdinalIgnoreCase);
        var context = new RecipeExecutionContext(tenant, scope.ServiceProvider, features);
        await RecipeRunner.RunAsync(recipe, context, cancellationToken);
        if (afterRecipe is not null)
        {
            await afterRecipe(scope.ServiceProvider);
        }

        return features;
    }

    private async Task ApplyPreparedAsync(Tenant tenant, string recipeName, string json, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        string? error = null;
        var recordedName = recipeName;
        try
        {
            var prepared = recipes.Prepare(recipeName, json, new RecipeVariables(tenant.Name, tenant.DisplayName, tenant.Hosts.Count > 0 ? tenant.Hosts[0] : null));
            recordedName = prepared.Name;
            var features = await RunRecipeAsync(tenant, prepared, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            var row = await db.Tenants.SingleAsync(t => t.Name == tenant.Name, cancellationToken);
            row.Features = features.Order(StringComparer.Ordinal).ToList();
            await db.SaveChangesAsync(cancellationToken);
            await ShareAsync(tenant, fromStart: false, cancellationToken);
        }
        catch (RecipeException ex)
        {
            error = ex.Message;
            throw;
        }
        finally
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            db.RecipeRuns.Add(new RecipeRunRecord { TenantName = tenant.Name, Recipe = recordedName, StartedUtc = started, FinishedUtc = clock.GetUtcNow(), Succeeded = error is null, Error = error });
            await db.SaveChangesAsync(CancellationToken.None);
            registry.Invalidate();
        }
    }

    /// <summary>
    /// Changes the canonical address of a tenant's links (a new domain, a port, https at last). It does not add the
    /// host to the tenant: the operator names one where the tenant answers.
    /// </summary>
    public async Task SetPublicUrlAsync(string tenantName, string address, CancellationToken cancellationToken)
    {
        var url = TenantUrls.Normalize(address)
            ?? throw new TenantRequestException(CoreText.Format("TenantErrorPublicUrl", address));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var row = await db.Tenants.SingleOrDefaultAsync(t => t.Name == tenantName, cancellationToken)
            ?? throw new TenantNotFoundException(CoreText.Format("TenantErrorNotFound", tenantName));
        row.PublicUrl = url;
        await db.SaveChangesAsync(cancellationToken);
        registry.Invalidate();
    }

    private async Task SetStateAsync(string tenantName, TenantState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var row = await db.Tenants.SingleOrDefaultAsync(t => t.Name == tenantName, cancellationToken)
            ?? throw new TenantNotFoundException(CoreText.Format("TenantErrorNotFound", tenantName));
        if (row.State == TenantState.Uninitialized)
        {
            throw new TenantConflictException(CoreText.Format("TenantErrorBeingCreated", tenantName));
        }

        row.State = state;
        await db.SaveChangesAsync(cancellationToken);
        registry.Invalidate();
    }

    /// <summary>Storage first, registry row last: a crash in between leaves a row that a retry of delete finishes.</summary>
    private async Task RemoveEverythingAsync(string tenantName)
    {
        await sharing.RemoveSourceAsync(tenantName, CancellationToken.None);
        await storage.DeleteAsync(tenantName, CancellationToken.None);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        await db.RecipeRuns.Where(r => r.TenantName == tenantName).ExecuteDeleteAsync(CancellationToken.None);
        await db.Jobs.Where(j => j.TenantName == tenantName).ExecuteDeleteAsync(CancellationToken.None);
        await db.TenantHosts.Where(h => h.TenantName == tenantName).ExecuteDeleteAsync(CancellationToken.None);
        await db.Tenants.Where(t => t.Name == tenantName).ExecuteDeleteAsync(CancellationToken.None);
        registry.Invalidate();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Copying what tenant {Tenant} shares failed; the catch-up tries again")]
    private static partial void LogShareFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant} created from recipe {Recipe}")]
    private static partial void LogCreated(ILogger logger, string tenant, string recipe);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating tenant {Tenant} failed; everything of it is removed")]
    private static partial void LogCreationFailed(ILogger logger, Exception exception, string tenant);
}
