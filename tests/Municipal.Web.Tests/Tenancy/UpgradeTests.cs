using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Tenancy;

namespace Municipal.Web.Tests.Tenancy;

/// <summary>
/// An operator upgrades: the current host starts on the storage the previous release left (SQLite files or a
/// PostgreSQL dump, Tenancy/Upgrade/README.md), migrates it in place, and the old tenant's data is served.
/// </summary>
public abstract class UpgradeTests(string provider)
{
    /// <summary>Tables of the migrations that came after the previous release (Forms: InitialForms, SubmissionHandling, FormWorkingCopies, PublicWriteLimits, RequestTriage).</summary>
    private static readonly string[] NewTables = ["__FormsMigrations", "FormVersions", "Submissions", "SubmissionAttachments", "SubmissionEvents", "FormDrafts", "FormWorkingCopies", "CitizenMails", "RequestDocuments"];

    private static readonly string[] NewFormsMigrations = ["20261129120000_InitialForms", "20261129130000_SubmissionHandling", "20261129150500_FormWorkingCopies", "20261206140000_PublicWriteLimits", "20261206200000_RequestTriage"];

    [Fact]
    public async Task The_previous_release_storage_is_migrated_in_place_at_start_up_and_its_data_is_served()
    {
        await using var storage = await PreviousReleaseStorage.RestoreAsync(provider);
        var coreBefore = await storage.HistoryAsync(PreviousReleaseStorage.Tenant, "__CoreMigrations");
        Assert.Contains("20261129030000_AddBackOffice", coreBefore);
        Assert.DoesNotContain("FormVersions", await storage.TablesAsync(PreviousReleaseStorage.Tenant));

        await using var app = storage.StartApp();
        _ = app.Server; // start-up migrates before the host answers

        // Every migration the current build ships is recorded once, the old rows kept as they were.
        foreach (var (table, shipped) in PreviousReleaseStorage.ShippedTenantMigrations(app.Services))
        {
            Assert.Equal(shipped.Order(StringComparer.Ordinal), await storage.HistoryAsync(PreviousReleaseStorage.Tenant, table));
        }

        Assert.Equal(NewFormsMigrations, await storage.HistoryAsync(PreviousReleaseStorage.Tenant, "__FormsMigrations"));
        Assert.Equal(coreBefore, (await storage.HistoryAsync(PreviousReleaseStorage.Tenant, "__CoreMigrations")).Take(coreBefore.Count));
        var tables = await storage.TablesAsync(PreviousReleaseStorage.Tenant);
        Assert.All(NewTables, table => Assert.Contains(table, tables));
        Assert.Contains("20261129020000_AddOperators", await storage.HistoryAsync(null, "__HostMigrations"));

        await OldDataIsServedAsync(app);
        await FormsWorkForTheOldTenantAsync(app, storage);
    }

    /// <summary>The old page and home page, the old administrator's and operator's sign-in.</summary>
    internal static async Task OldDataIsServedAsync(UpgradeApp app)
    {
        var page = await app.GetAsync(PreviousReleaseStorage.TenantHost, PreviousReleaseStorage.OldPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(PreviousReleaseStorage.OldPageText, page.Body, StringComparison.Ordinal);
        Assert.Contains("Ancienne Commune", (await app.GetAsync(PreviousReleaseStorage.TenantHost, "/")).Body, StringComparison.Ordinal);

        var admin = app.ClientFor(PreviousReleaseStorage.TenantHost);
        var signIn = await PreviousReleaseStorage.SignInAsync(admin, "/admin/connexion", PreviousReleaseStorage.AdminEmail);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);

        var host = app.ClientFor("localhost");
        Assert.Equal(HttpStatusCode.Redirect, (await PreviousReleaseStorage.SignInAsync(host, "/host/connexion", PreviousReleaseStorage.OperatorEmail)).StatusCode);
        Assert.Contains(PreviousReleaseStorage.Tenant, await host.GetStringAsync("/host"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The e-counter came after the previous release: the old tenant has it off until the operator applies a
    /// recipe with it; then a citizen's request is stored in the new tables and the old administrator sees it.
    /// Returns the request's tracking code.
    /// </summary>
    internal static async Task<string> FormsWorkForTheOldTenantAsync(UpgradeApp app, PreviousReleaseStorage storage)
    {
        const string slug = "permis-de-peche";
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync(PreviousReleaseStorage.TenantHost, $"/e-guichet/{slug}")).Status);

        var recipe = Path.Combine(storage.DataPath, "e-guichet.recipe.json");
        await File.WriteAllTextAsync(recipe, $$"""
            {"name": "e-guichet", "steps": [
              {"step": "features", "enable": ["forms"]},
              {"step": "forms", "forms": [{"slug": "{{slug}}", "title": "Permis de pêche", "steps": [
                {"title": "Vous", "fields": [{"type": "text", "name": "nom", "label": "Nom", "required": true}]}]}]}
            ]}
            """);
        await app.Services.GetRequiredService<TenantProvisioner>().ApplyRecipeAsync(PreviousReleaseStorage.Tenant, recipe, recipeMayBePath: true, CancellationToken.None);

        var form = await app.GetAsync(PreviousReleaseStorage.TenantHost, $"/e-guichet/{slug}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Permis de pêche", form.Body, StringComparison.Ordinal);

        var client = app.ClientFor(PreviousReleaseStorage.TenantHost);
        var body = new StringContent("""{"email": "marie@exemple.be", "values": {"nom": "Dupont"}}""", Encoding.UTF8, "application/json");
        var created = await client.PostAsync($"/api/forms/{slug}/submissions", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var code = json.RootElement.GetProperty("trackingCode").GetString()!;

        var admin = app.ClientFor(PreviousReleaseStorage.TenantHost);
        Assert.Equal(HttpStatusCode.Redirect, (await PreviousReleaseStorage.SignInAsync(admin, "/admin/connexion", PreviousReleaseStorage.AdminEmail)).StatusCode);
        var queue = await admin.GetAsync("/admin/e-guichet");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains(code, await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return code;
    }
}

public sealed class UpgradeTestsOnSqlite() : UpgradeTests("Sqlite");

public sealed class UpgradeTestsOnPostgres() : UpgradeTests("PostgreSql");
