using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Recipes;
using Municipal.Core.Security;
using Municipal.Core.Storage;
using Municipal.Core.Tenancy;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Tenancy;

/// <summary>Creating tenants all-or-nothing, applying recipes, deleting. Runs on SQLite and on PostgreSQL.</summary>
public abstract class ProvisioningTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private TenantProvisioner Provisioner => fixture.App.Services.GetRequiredService<TenantProvisioner>();

    [Fact]
    public async Task A_recipe_that_fails_half_way_leaves_nothing_of_the_tenant()
    {
        var name = fixture.NewTenantName("broken");
        // Step 3 fails while running: its page takes the address of step 2's page.
        var recipe = RecipeFiles.Write(fixture, """
            {"name": "half", "steps": [
              {"step": "features", "enable": ["pages"]},
              {"step": "content", "items": [{"type": "Page", "title": "A", "path": "a"}]},
              {"step": "content", "items": [{"type": "Page", "id": "other", "title": "B", "path": "a"}]}
            ]}
            """);

        var ex = await Assert.ThrowsAsync<RecipeException>(() => fixture.CreateTenantAsync(name, recipe: recipe));

        Assert.Contains("étape 3 (content)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/a", ex.Message, StringComparison.Ordinal);
        await AssertNothingLeftAsync(name);
    }

    [Theory]
    [InlineData("""{"steps": [ {"step": "features",, } ]}""", "JSON invalide à la ligne 1")]
    [InlineData("""{"steps": [ {"step": "features", "enable": ["pages"]}, {"step": "teleport"} ]}""", "étape 2 (teleport)")]
    [InlineData("""{"steps": [ {"step": "content", "items": [{"type": "Page", "path": "x"}]} ]}""", "title")]
    [InlineData("""{"steps": [ {"step": "menus", "menus": [{"name": "main"}]} ]}""", "étape 1 (menus)")]
    public async Task A_malformed_recipe_is_refused_with_its_step_and_leaves_nothing(string json, string expected)
    {
        var name = fixture.NewTenantName("malformed");

        var ex = await Assert.ThrowsAsync<RecipeException>(() => fixture.CreateTenantAsync(name, recipe: RecipeFiles.Write(fixture, json)));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        await AssertNothingLeftAsync(name);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("Namur")]
    [InlineData("a b")]
    public async Task A_name_that_is_not_a_lowercase_slug_is_refused(string name)
    {
        var ex = await Assert.ThrowsAsync<TenantRequestException>(() => fixture.CreateTenantAsync(name));
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fixture.TenantsFolder, "x")));
    }

    [Fact]
    public async Task A_duplicate_name_or_host_is_refused_and_the_first_tenant_is_untouched()
    {
        var name = fixture.NewTenantName("dup");
        await fixture.CreateTenantAsync(name, displayName: "Première");

        var sameName = await Assert.ThrowsAsync<TenantConflictException>(() => fixture.CreateTenantAsync(name));
        var sameHost = await Assert.ThrowsAsync<TenantConflictException>(() => Provisioner.CreateAsync(
            new CreateTenantRequest(name + "-bis", "Seconde", [$"{name}.localhost"], null, "municipality", "a@b.be", StorageFixture.AdminPassword), false, CancellationToken.None));

        Assert.Contains("existe déjà", sameName.Message, StringComparison.Ordinal);
        Assert.Contains($"{name}.localhost", sameHost.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fixture.TenantsFolder, name + "-bis")));
        var home = await fixture.ClientFor($"{name}.localhost").GetStringAsync("/");
        Assert.Contains("Première", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_administrator_password_is_refused_before_anything_is_created()
    {
        var name = fixture.NewTenantName("weak");
        var ex = await Assert.ThrowsAsync<TenantRequestException>(() => Provisioner.CreateAsync(
            new CreateTenantRequest(name, "Faible", [$"{name}.localhost"], null, "municipality", "a@b.be", "123"), false, CancellationToken.None));

        Assert.Contains("12 caractères", ex.Message, StringComparison.Ordinal);
        await AssertNothingLeftAsync(name);
    }

    [Fact]
    public async Task The_administrator_can_sign_in_with_the_generated_password()
    {
        var name = fixture.NewTenantName("admin");
        var created = await Provisioner.CreateAsync(
            new CreateTenantRequest(name, "Admin", [$"{name}.localhost"], null, "municipality", $"chef@{name}.localhost"), false, CancellationToken.None);

        Assert.NotNull(created.GeneratedPassword);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(created.Tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync($"chef@{name}.localhost");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, created.GeneratedPassword));
        Assert.False(await users.CheckPasswordAsync(user, StorageFixture.AdminPassword));
        Assert.True(await users.IsInRoleAsync(user, TenantRoles.Administrator));
    }

    [Fact]
    public async Task A_recipe_applied_to_a_running_tenant_adds_its_content_and_is_recorded()
    {
        var name = fixture.NewTenantName("rollout");
        await fixture.CreateTenantAsync(name);
        var recipe = RecipeFiles.Write(fixture, """
            {"name": "nouveau-formulaire", "steps": [{"step": "content", "items": [{"type": "Page", "title": "Primes énergie", "path": "primes"}]}]}
            """);

        await Provisioner.ApplyRecipeAsync(name, recipe, recipeMayBePath: true, CancellationToken.None);
        await Provisioner.ApplyRecipeAsync(name, recipe, recipeMayBePath: true, CancellationToken.None);

        var page = await fixture.ClientFor($"{name}.localhost").GetStringAsync("/primes");
        Assert.Contains("Primes énergie", page, StringComparison.Ordinal);
        var runs = await Provisioner.RecipeRunsAsync(name, CancellationToken.None);
        Assert.Equal(["nouveau-formulaire", "nouveau-formulaire", "municipality"], runs.Select(r => r.Recipe));
        Assert.All(runs, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task Settings_and_menus_changed_by_a_recipe_show_at_once_on_pages_already_seen()
    {
        var name = fixture.NewTenantName("rebrand");
        await fixture.CreateTenantAsync(name);
        var client = fixture.ClientFor($"{name}.localhost");
        Assert.DoesNotContain("Nouvelle devise", await client.GetStringAsync("/contact"), StringComparison.Ordinal);
        var recipe = RecipeFiles.Write(fixture, """
            {"name": "rebrand", "steps": [
              {"step": "settings", "site": {"tagline": "Nouvelle devise"}},
              {"step": "menus", "menus": [{"name": "main", "items": [{"label": "Piscine communale", "url": "/contact"}]}]}
            ]}
            """);

        await Provisioner.ApplyRecipeAsync(name, recipe, recipeMayBePath: true, CancellationToken.None);

        var page = await client.GetStringAsync("/contact");
        Assert.Contains("Nouvelle devise", page, StringComparison.Ordinal);
        Assert.Contains("Piscine communale", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipe_that_fails_on_a_running_tenant_changes_nothing_and_records_the_failure()
    {
        var name = fixture.NewTenantName("rollback");
        await fixture.CreateTenantAsync(name);
        var recipe = RecipeFiles.Write(fixture, """
            {"name": "casse", "steps": [
              {"step": "content", "items": [{"type": "Page", "title": "Nouvelle", "path": "nouvelle"}]},
              {"step": "content", "items": [{"type": "Page", "id": "intrus", "title": "Intrus", "path": "contact"}]}
            ]}
            """);

        await Assert.ThrowsAsync<RecipeException>(() => Provisioner.ApplyRecipeAsync(name, recipe, recipeMayBePath: true, CancellationToken.None));

        var client = fixture.ClientFor($"{name}.localhost");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/nouvelle")).StatusCode);
        Assert.Contains("Contact et horaires", await client.GetStringAsync("/contact"), StringComparison.Ordinal);
        var last = (await Provisioner.RecipeRunsAsync(name, CancellationToken.None))[0];
        Assert.False(last.Succeeded);
        Assert.Contains("étape 2 (content)", last.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_tenant_removes_its_files_schema_and_registry_row()
    {
        var name = fixture.NewTenantName("gone");
        await fixture.CreateTenantAsync(name);
        Assert.True(Directory.Exists(Path.Combine(fixture.TenantsFolder, name)));

        await Provisioner.DeleteAsync(name, CancellationToken.None);

        await AssertNothingLeftAsync(name);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor($"{name}.localhost").GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_municipality_recipe_gives_a_home_page_standard_pages_menus_and_an_accessibility_statement()
    {
        var name = fixture.NewTenantName("standard");
        await fixture.CreateTenantAsync(name, displayName: "Olne");

        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set((await fixture.App.Services.GetRequiredService<TenantRegistry>().FindAsync(name))!);
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var paths = await db.ContentItems.Where(i => i.Status == ContentStatus.Published).Select(i => i.Path).ToListAsync();
        var menus = scope.ServiceProvider.GetRequiredService<MenuStore>();

        Assert.Contains(string.Empty, paths);
        Assert.Contains("contact", paths);
        Assert.NotEmpty(await menus.GetAsync("main"));
        Assert.NotEmpty(await menus.GetAsync("footer"));
        var statement = await fixture.ClientFor($"{name}.localhost").GetStringAsync("/accessibilite");
        Assert.Contains("Olne s'engage", statement.Replace("&#x27;", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private async Task AssertNothingLeftAsync(string name)
    {
        Assert.False(Directory.Exists(Path.Combine(fixture.TenantsFolder, name)), "le dossier du tenant est resté");
        Assert.False(await fixture.SchemaExistsAsync(name), "le schéma du tenant est resté");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        Assert.False(await db.Tenants.AnyAsync(t => t.Name == name), "la ligne du registre est restée");
        Assert.False(await db.TenantHosts.AnyAsync(h => h.TenantName == name), "un hôte est resté");
        Assert.False(await db.RecipeRuns.AnyAsync(r => r.TenantName == name), "une trace de recette est restée");
    }
}

public sealed class ProvisioningTestsOnSqlite(SqliteFixture fixture) : ProvisioningTests<SqliteFixture>(fixture);

public sealed class ProvisioningTestsOnPostgres(PostgresFixture fixture) : ProvisioningTests<PostgresFixture>(fixture);
