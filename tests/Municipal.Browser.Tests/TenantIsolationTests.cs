using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>Two tenants on the same process: A from the "demo" recipe, B from "municipality".</summary>
public sealed class TwoTenantsFixture(MunicipalServer server) : IAsyncLifetime
{
    private TestTenant? a;
    private TestTenant? b;

    public TestTenant A => a ?? throw new InvalidOperationException("Tenant A is not provisioned yet.");

    public TestTenant B => b ?? throw new InvalidOperationException("Tenant B is not provisioned yet.");

    public async Task InitializeAsync()
    {
        a = await server.CreateTenantAsync("alpha", "Commune d'Alphaville", "demo");
        b = await server.CreateTenantAsync("beta", "Commune de Bêtaville", "municipality");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection(BrowserCollection.Name)]
public sealed class TenantIsolationTests(MunicipalServer server, TwoTenantsFixture tenants)
    : BrowserTest(server), IClassFixture<TwoTenantsFixture>
{
    private const string DemoOnlyPath = "/demarches/carte-identite";

    [Fact]
    public async Task A_page_created_only_in_tenant_a_is_not_found_on_tenant_b()
    {
        Assert.Equal(200, await GotoAsync(tenants.A.Url(DemoOnlyPath)));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Carte d'identité électronique");

        Assert.Equal(404, await GotoAsync(tenants.B.Url(DemoOnlyPath)));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page introuvable");
        await Expect(Page.GetByText("Carte d'identité électronique")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Each_home_page_shows_its_own_display_name_only()
    {
        await AssertHomeOfAsync(tenants.A, tenants.B);
        await AssertHomeOfAsync(tenants.B, tenants.A);
    }

    private async Task AssertHomeOfAsync(TestTenant tenant, TestTenant other)
    {
        Assert.Equal(200, await GotoAsync(tenant.Url("/")));
        await Expect(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = tenant.DisplayName, Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Contentinfo)).ToContainTextAsync(tenant.DisplayName);
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(tenant.DisplayName)));
        await Expect(Page.GetByText(other.DisplayName)).ToHaveCountAsync(0);
    }
}
