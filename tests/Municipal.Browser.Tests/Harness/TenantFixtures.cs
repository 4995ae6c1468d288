using Xunit;

namespace Municipal.Browser.Tests.Harness;

/// <summary>A tenant of its own for one test class, provisioned from a recipe on the shared server.</summary>
public abstract class TenantFixture(MunicipalServer server, string prefix, string displayName, string recipe) : IAsyncLifetime
{
    private TestTenant? tenant;

    public TestTenant Tenant => tenant ?? throw new InvalidOperationException("The tenant is not provisioned yet.");

    public async Task InitializeAsync() => tenant = await server.CreateTenantAsync(prefix, displayName, recipe);

    // The tenant goes with the server's data folder.
    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>A new municipality as the operator creates it: the "municipality" recipe.</summary>
public sealed class MunicipalityTenantFixture(MunicipalServer server)
    : TenantFixture(server, "commune", "Commune de Bellefontaine", "municipality");

/// <summary>The sample municipality with its full page tree: the "demo" recipe.</summary>
public sealed class DemoTenantFixture(MunicipalServer server)
    : TenantFixture(server, "demo", "Commune de Valmont", "demo");
