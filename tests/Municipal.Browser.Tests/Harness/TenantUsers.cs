using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Tenancy;

namespace Municipal.Browser.Tests.Harness;

/// <summary>Back-office users of a role on a test tenant, created through DI as an administrator would invite them.</summary>
public static class TenantUsers
{
    public static async Task<(string Email, string Password)> CreateUserAsync(this MunicipalServer server, TestTenant tenant, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@{tenant.Host}";
        var password = "browser-tests-" + Guid.NewGuid().ToString("N");
        var registry = server.Services.GetRequiredService<TenantRegistry>();
        registry.Invalidate();
        var found = await registry.FindAsync(tenant.Name) ?? throw new InvalidOperationException($"No tenant {tenant.Name}.");
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(found);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return (email, password);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
