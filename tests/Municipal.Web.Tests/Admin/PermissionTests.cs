using System.Net;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>The navigation shows each role what it may open, and nothing more.</summary>
public sealed class PermissionTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task An_agent_signs_in_to_a_dashboard_whose_navigation_marks_the_current_page()
    {
        var name = fixture.NewTenantName("perm");
        await fixture.CreateTenantAsync(name);
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);

        var dashboard = await agent.Client.GetAsync("/admin");
        var html = await dashboard.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("aria-label=\"Administration\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Tableau de bord</a>", html, StringComparison.Ordinal);
        Assert.Contains(agent.Email, html, StringComparison.Ordinal);
    }
}
