using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Forms.Privacy;
using Municipal.Forms.PublicFlow;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.PublicClients;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// Files waiting in drafts have a quota per client and per tenant: beyond, the step is shown again (413) with a French
/// message on the file field, the file is not kept and the other answers are; the retention run brings a tenant over
/// its quota back under it, least recently saved drafts first. SQLite and PostgreSQL.
/// </summary>
public abstract class DraftQuotaTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const int FileBytes = 1_200_000;

    [Fact]
    public async Task A_client_at_its_quota_gets_a_French_message_and_nothing_more_is_stored_while_another_client_can_still_upload()
    {
        await using var app = StartBehindProxy(fixture, new() { ["Municipal:DraftFilesMegabytesPerClient"] = "2", ["Municipal:DraftFilesMegabytesPerTenant"] = "100" });
        var name = await ApiTestForms.TenantWithFormAsync(fixture, app, "quota", Deposit());

        Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(From(app, name, "203.0.113.10"), "Premier dépôt", FileBytes)).StatusCode);

        // The same person in a second browser: 2.4 MB would pass the 2 MB of a client.
        var second = From(app, name, "203.0.113.10");
        var refused = await DepositAsync(second, "Objet gardé malgré le refus", FileBytes);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("Le fichier de « Pièce jointe » n'a pas été enregistré", html, StringComparison.Ordinal);
        Assert.Contains("limite de 2 Mo par connexion", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-piece\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Objet gardé malgré le refus\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("document.pdf", html, StringComparison.Ordinal);

        // The subject is in the draft; the file is nowhere.
        var again = WebUtility.HtmlDecode(await second.GetStringAsync($"/e-guichet/{DepositSlug}/etape/1"));
        Assert.Contains("value=\"Objet gardé malgré le refus\"", again, StringComparison.Ordinal);
        Assert.Equal([FileBytes], StoredFileSizes(name));

        // Another client has a quota of its own.
        Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(From(app, name, "198.51.100.20"), "Autre citoyen", FileBytes)).StatusCode);
        Assert.Equal([FileBytes, FileBytes], StoredFileSizes(name));
    }

    [Fact]
    public async Task The_tenant_quota_counts_the_drafts_of_every_client()
    {
        await using var app = StartBehindProxy(fixture, new() { ["Municipal:DraftFilesMegabytesPerClient"] = "50", ["Municipal:DraftFilesMegabytesPerTenant"] = "3" });
        var name = await ApiTestForms.TenantWithFormAsync(fixture, app, "quota-commune", Deposit());

        Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(From(app, name, "203.0.113.10"), "Un", FileBytes)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(From(app, name, "198.51.100.20"), "Deux", FileBytes)).StatusCode);
        var refused = await DepositAsync(From(app, name, "192.0.2.30"), "Trois", FileBytes);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("l'espace réservé aux fichiers des formulaires en cours est plein", html, StringComparison.Ordinal);
        Assert.Equal([FileBytes, FileBytes], StoredFileSizes(name));

        // Without a file, the same citizen goes on.
        Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(From(app, name, "192.0.2.30"), "Trois", 0)).StatusCode);
    }

    [Fact]
    public async Task The_retention_run_removes_the_files_of_the_least_recently_saved_drafts_until_the_tenant_is_under_its_quota()
    {
        string name;
        await using (var generous = StartBehindProxy(fixture, new() { ["Municipal:DraftFilesMegabytesPerTenant"] = "100" }))
        {
            name = await ApiTestForms.TenantWithFormAsync(fixture, generous, "quota-retention", Deposit());
            foreach (var address in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
            {
                Assert.Equal(HttpStatusCode.Redirect, (await DepositAsync(From(generous, name, address), "Dépôt de " + address, FileBytes)).StatusCode);
                fixture.Clock.Advance(TimeSpan.FromHours(2));
            }
        }

        // The newest draft was stored before drafts counted their bytes: the run measures its folder.
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Drafts
                .Where(d => d.ClientKey == "203.0.113.3").ExecuteUpdateAsync(s => s.SetProperty(d => d.FileBytes, 0L));
        }

        // The setting is lowered to 3 MB: of 3.6 MB, the oldest draft's 1.2 MB go, and only them.
        await using var strict = StartBehindProxy(fixture, new() { ["Municipal:DraftFilesMegabytesPerTenant"] = "3" });
        RetentionOutcome outcome;
        await using (var scope = await StorageFixture.TenantScopeAsync(strict.Services, name))
        {
            outcome = await RetentionJob.RunOnceAsync(scope.ServiceProvider, default);
        }

        Assert.Equal(1, outcome.TrimmedDrafts);
        var drafts = await DraftsAsync(strict, name);
        Assert.Equal(3, drafts.Count);
        Assert.Equal(
            [("203.0.113.1", 0L, false), ("203.0.113.2", (long)FileBytes, true), ("203.0.113.3", (long)FileBytes, true)],
            drafts.OrderBy(d => d.UpdatedUtc).Select(d => (d.ClientKey, d.FileBytes, Directory.Exists(DraftFolder(name, d.Id)))).ToList());
    }

    private static async Task<List<FormDraftRecord>> DraftsAsync(MunicipalApp app, string tenant)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(app.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Drafts.AsNoTracking().ToListAsync();
    }

    /// <summary>The sizes of the files on disk under the tenant's draft folders, smallest first.</summary>
    private List<long> StoredFileSizes(string tenant)
    {
        var root = Path.Combine(fixture.TenantsFolder, tenant, FormDrafts.DraftsFolder);
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).Order().ToList() : [];
    }

    private string DraftFolder(string tenant, string id) => Path.Combine(fixture.TenantsFolder, tenant, FormDrafts.DraftsFolder, id);
}

public sealed class DraftQuotaTestsOnSqlite(SqliteFixture fixture) : DraftQuotaTests<SqliteFixture>(fixture);

public sealed class DraftQuotaTestsOnPostgres(PostgresFixture fixture) : DraftQuotaTests<PostgresFixture>(fixture);
