using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Modules;
using Municipal.Core.Recipes;
using Municipal.Core.Security;
using Municipal.Core.Tenancy;
using Municipal.Notices;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Modules;

/// <summary>
/// A module added with its own folder (tests/Modules/Municipal.Notices, shaped as a copy of the News module) and
/// one line in the host's module list, with no edit in the core or the back office: its permission, text,
/// navigation entry, home-page block and recipe step all show in the running site. SQLite.
/// </summary>
public sealed class AddedModuleTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private const string Recipe = """
        {
          "name": "with-notices",
          "steps": [
            { "step": "features", "enable": ["pages", "notices"] },
            { "step": "notices", "notices": [
              { "title": "Coupure d'eau rue Haute", "posted": "2026-11-20" },
              { "title": "Enquête publique : parc éolien", "posted": "2026-11-28" }
            ] },
            { "step": "content", "items": [
              { "type": "HomePage", "status": "published", "title": "Accueil", "blocks": [
                { "kind": "hero", "title": "Bienvenue" },
                { "kind": "latestNotices", "title": "Avis à la population", "count": 5 }
              ] }
            ] }
          ]
        }
        """;

    [Fact]
    public async Task The_module_s_recipe_step_and_home_block_show_on_the_public_site()
    {
        await using var app = StartWithNotices();
        var name = await CreateTenantAsync(app);

        var home = WebUtility.HtmlDecode(await Client(app, name).GetStringAsync("/"));

        Assert.Contains("<section class=\"latest-notices\"", home, StringComparison.Ordinal);
        // Newest first, as the module's step stored them.
        var newest = home.IndexOf("Enquête publique : parc éolien", StringComparison.Ordinal);
        var older = home.IndexOf("Coupure d'eau rue Haute", StringComparison.Ordinal);
        Assert.True(newest >= 0 && older > newest, "both notices, the newest first");
        Assert.Contains("datetime=\"2026-11-28\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_module_s_permission_and_navigation_entry_show_in_the_back_office_to_those_who_hold_it()
    {
        await using var app = StartWithNotices();
        var name = await CreateTenantAsync(app);

        var admin = await SignInAsync(app, name, $"admin@{name}.localhost", StorageFixture.AdminPassword, role: null);
        var dashboard = await admin.Client.GetStringAsync("/admin");
        Assert.Contains("href=\"/admin/avis\"", dashboard, StringComparison.Ordinal);
        Assert.Contains(">Avis à la population</a>", dashboard, StringComparison.Ordinal);
        var board = await admin.Client.GetStringAsync("/admin/avis");
        Assert.Contains("Coupure d", board, StringComparison.Ordinal);
        Assert.Contains("Enquête publique : parc éolien", board, StringComparison.Ordinal);
        // The home page's editor offers the module's block with the module's own texts.
        Assert.Contains("Bloc 2 : derniers avis", await admin.Client.GetStringAsync("/admin/contenus/home"), StringComparison.Ordinal);

        // The module gave its permission to administrators and editors only.
        var author = await SignInAsync(app, name, $"auteur@{name}.localhost", AdminSession.Password, TenantRoles.Author);
        Assert.DoesNotContain("/admin/avis", await author.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync("/admin/avis")).StatusCode);
        var editor = await SignInAsync(app, name, $"editeur@{name}.localhost", AdminSession.Password, TenantRoles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/admin/avis")).StatusCode);
        Assert.Contains(app.Services.GetRequiredService<PermissionCatalog>().All, p => p.Name == NoticesModule.ManageNotices);
    }

    [Fact]
    public async Task A_host_without_the_module_knows_neither_its_step_nor_its_feature()
    {
        var name = fixture.NewTenantName("sans-avis");
        var refused = await Assert.ThrowsAsync<RecipeException>(() => fixture.CreateTenantAsync(name, recipe: RecipeFiles.Write(fixture, Recipe)));
        Assert.Contains("notices", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.App.Services.GetRequiredService<ModuleCatalog>().Features, f => f.Id == NoticesModule.Feature);
    }

    /// <summary>The real host, with the one line a host adds to load a module.</summary>
    private MunicipalApp StartWithNotices() => fixture.StartApp(services: s => s.AddMunicipalModule(new NoticesModule()));

    private async Task<string> CreateTenantAsync(MunicipalApp app)
    {
        var name = fixture.NewTenantName("avis");
        await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(name, $"Commune de {name}", [$"{name}.localhost"], null, RecipeFiles.Write(fixture, Recipe), $"admin@{name}.localhost", StorageFixture.AdminPassword),
            recipeMayBePath: true,
            CancellationToken.None);
        return name;
    }

    private static HttpClient Client(MunicipalApp app, string name) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{name}.localhost/") });

    private static async Task<AdminSession> SignInAsync(MunicipalApp app, string tenant, string email, string password, string? role)
    {
        if (role is not null)
        {
            await using var scope = await StorageFixture.TenantScopeAsync(app.Services, tenant);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        var session = new AdminSession(Client(app, tenant), email);
        var response = await session.PostFormAsync("/admin/connexion", "/admin/connexion", new() { ["email"] = email, ["password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }
}
