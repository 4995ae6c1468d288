using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Recipes;
using Municipal.Core.Storage;
using Municipal.Core.Tenancy;
using Municipal.Forms.Model;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>The "forms" recipe step and the three forms the standard recipe ships. SQLite and PostgreSQL.</summary>
public abstract class FormsRecipeTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private static readonly string[] ShippedForms = ["certificat-de-residence", "signaler-un-probleme", "reserver-une-salle", "proposer-un-evenement"];

    private TenantProvisioner Provisioner => fixture.App.Services.GetRequiredService<TenantProvisioner>();

    [Fact]
    public async Task The_municipality_recipe_ships_four_forms_each_on_its_procedure_page()
    {
        var name = fixture.NewTenantName("guichet");
        await fixture.CreateTenantAsync(name);

        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var forms = scope.ServiceProvider.GetRequiredService<FormStore>();
        var certificate = await forms.GetLatestEnabledAsync("certificat-de-residence", default);
        Assert.NotNull(certificate);
        Assert.Equal("Demande de certificat de résidence", certificate.Title);
        Assert.Contains(certificate.AllFields(), f => f is NrnField { Required: true, PersonalData: true });
        var report = await forms.GetLatestEnabledAsync("signaler-un-probleme", default);
        Assert.Contains(report!.AllFields(), f => f is FileField { MaxFiles: 3 });
        Assert.Contains(report.AllFields(), f => f is AddressField { Required: true });
        var room = await forms.GetLatestEnabledAsync("reserver-une-salle", default);
        Assert.Contains(room!.AllFields(), f => f is DateField { Required: true });
        Assert.Contains(room.AllFields(), f => f.Condition is { Field: "occasion", EqualsValue: "association" });
        Assert.Contains(room.AllFields(), f => f.Condition is { Field: "boissons", EqualsValue: "true" });

        // The tenant's name replaced the recipe's placeholder in the consent text.
        Assert.All([certificate, report, room], form => Assert.Contains(
            form.AllFields().OfType<ConsentField>(), c => c.Label.Contains(name, StringComparison.OrdinalIgnoreCase) && !c.Label.Contains("{{", StringComparison.Ordinal)));

        var content = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var procedures = await content.ContentItems.AsNoTracking()
            .Where(c => c.ContentType == "Procedure" && c.Latest)
            .Select(c => c.Data)
            .ToListAsync();
        foreach (var slug in ShippedForms)
        {
            Assert.Contains(procedures, json => json.Contains($"\"formId\":\"{slug}\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Applying_the_recipe_again_adds_no_version_and_a_changed_form_becomes_the_next_version()
    {
        var name = fixture.NewTenantName("deploiement");
        await fixture.CreateTenantAsync(name);
        var recipe = RecipeFiles.Write(fixture, """
            {"name": "formulaire-regional", "steps": [{"step": "forms", "forms": [
              {"slug": "prime-velo", "title": "Prime vélo", "steps": [{"title": "Vous", "fields": [{"type": "text", "name": "nom", "label": "Nom", "required": true}]}]}
            ]}]}
            """);
        var changed = RecipeFiles.Write(fixture, """
            {"name": "formulaire-regional-2", "steps": [{"step": "forms", "forms": [
              {"slug": "prime-velo", "title": "Prime vélo électrique", "steps": [{"title": "Vous", "fields": [{"type": "text", "name": "nom", "label": "Nom", "required": true}]}]}
            ]}]}
            """);

        await Provisioner.ApplyRecipeAsync(name, recipe, recipeMayBePath: true, CancellationToken.None);
        await Provisioner.ApplyRecipeAsync(name, recipe, recipeMayBePath: true, CancellationToken.None);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<FormStore>().GetLatestEnabledAsync("prime-velo", default))!.Version);
        }

        await Provisioner.ApplyRecipeAsync(name, changed, recipeMayBePath: true, CancellationToken.None);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var latest = await scope.ServiceProvider.GetRequiredService<FormStore>().GetLatestEnabledAsync("prime-velo", default);
            Assert.Equal(2, latest!.Version);
            Assert.Equal("Prime vélo électrique", latest.Title);
        }
    }

    [Fact]
    public async Task A_recipe_failing_after_its_forms_step_leaves_no_form()
    {
        var name = fixture.NewTenantName("annule");
        await fixture.CreateTenantAsync(name);
        var recipe = RecipeFiles.Write(fixture, """
            {"name": "casse", "steps": [
              {"step": "forms", "forms": [{"slug": "prime-velo", "title": "Prime vélo", "steps": [{"title": "Vous", "fields": [{"type": "text", "name": "nom", "label": "Nom"}]}]}]},
              {"step": "content", "items": [{"type": "Page", "id": "intrus", "title": "Intrus", "path": "contact"}]}
            ]}
            """);

        await Assert.ThrowsAsync<RecipeException>(() => Provisioner.ApplyRecipeAsync(name, recipe, recipeMayBePath: true, CancellationToken.None));

        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        Assert.False(await db.FormVersions.AnyAsync(f => f.Slug == "prime-velo"));
        Assert.Equal(ShippedForms.Length, await db.FormVersions.CountAsync());
    }

    [Theory]
    [InlineData("""{"step": "forms", "forms": []}""", "liste non vide")]
    [InlineData("""{"step": "forms", "formulaires": []}""", "formulaires")]
    [InlineData("""{"step": "forms", "forms": [{"slug": "x", "title": "X", "steps": [{"title": "A", "fields": [{"type": "magie", "name": "a", "label": "A"}]}]}]}""", "formulaire n° 1")]
    [InlineData("""{"step": "forms", "forms": [{"slug": "x", "title": "X", "steps": [{"title": "A", "fields": [{"type": "text", "name": "a", "label": "A"}]}]}, {"slug": "x", "title": "Y", "steps": [{"title": "A", "fields": [{"type": "text", "name": "a", "label": "A"}]}]}]}""", "formulaire n° 2")]
    public async Task A_malformed_forms_step_is_refused_with_its_reason_and_changes_nothing(string step, string expected)
    {
        var name = fixture.NewTenantName("malforme");
        await fixture.CreateTenantAsync(name);
        var recipe = RecipeFiles.Write(fixture, $$"""{"name": "mauvais", "steps": [{{step}}]}""");

        var error = await Assert.ThrowsAsync<RecipeException>(() => Provisioner.ApplyRecipeAsync(name, recipe, recipeMayBePath: true, CancellationToken.None));

        Assert.Contains("forms", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        Assert.Equal(ShippedForms.Length, await scope.ServiceProvider.GetRequiredService<FormsDbContext>().FormVersions.CountAsync());
    }
}

public sealed class FormsRecipeTestsOnSqlite(SqliteFixture fixture) : FormsRecipeTests<SqliteFixture>(fixture);

public sealed class FormsRecipeTestsOnPostgres(PostgresFixture fixture) : FormsRecipeTests<PostgresFixture>(fixture);
