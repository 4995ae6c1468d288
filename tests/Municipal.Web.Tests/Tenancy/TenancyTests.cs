using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Storage;
using Municipal.Core.Tenancy;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Tenancy;

/// <summary>How requests find their municipality. Runs once on SQLite and once on PostgreSQL.</summary>
public abstract class TenancyTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_created_tenant_answers_on_its_host_with_its_name()
    {
        var name = fixture.NewTenantName("ans");
        await fixture.CreateTenantAsync(name, displayName: "Commune d'Ans");

        var response = await fixture.ClientFor($"{name}.localhost").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Commune d&#x27;Ans", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_tenants_never_show_each_other_content()
    {
        var demo = fixture.NewTenantName("valmont");
        var plain = fixture.NewTenantName("herve");
        await fixture.CreateTenantAsync(demo, recipe: "demo", displayName: "Valmont");
        await fixture.CreateTenantAsync(plain, displayName: "Herve");

        var onDemo = await fixture.ClientFor($"{demo}.localhost").GetAsync("/demarches/carte-identite");
        var onPlain = await fixture.ClientFor($"{plain}.localhost").GetAsync("/demarches/carte-identite");
        var plainHome = await (await fixture.ClientFor($"{plain}.localhost").GetAsync("/")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, onDemo.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onPlain.StatusCode);
        Assert.DoesNotContain("Carte d", await onPlain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Herve", plainHome, StringComparison.Ordinal);
        Assert.DoesNotContain("Valmont", plainHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_no_tenant_has_gets_a_plain_404_naming_no_tenant()
    {
        var name = fixture.NewTenantName("jalhay");
        await fixture.CreateTenantAsync(name, displayName: "Jalhay");

        var response = await fixture.ClientFor("nobody.localhost").GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Site introuvable", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Jalhay", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_tenant_is_temporarily_unavailable_then_comes_back()
    {
        var name = fixture.NewTenantName("spa");
        await fixture.CreateTenantAsync(name);
        var provisioner = fixture.App.Services.GetRequiredService<TenantProvisioner>();
        var client = fixture.ClientFor($"{name}.localhost");

        await provisioner.DisableAsync(name, CancellationToken.None);
        var disabled = await client.GetAsync("/contact");
        await provisioner.EnableAsync(name, CancellationToken.None);
        var enabled = await client.GetAsync("/contact");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, disabled.StatusCode);
        Assert.Contains("Site temporairement indisponible", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
    }

    [Fact]
    public async Task A_tenant_being_created_answers_503_with_retry_after()
    {
        var name = fixture.NewTenantName("creating");
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            db.Tenants.Add(new TenantRecord
            {
                Name = name,
                DisplayName = "En cours",
                State = TenantState.Uninitialized,
                CreatedUtc = DateTimeOffset.UtcNow,
                Hosts = [new TenantHostRecord { Host = $"{name}.localhost", TenantName = name }],
            });
            await db.SaveChangesAsync();
        }

        fixture.App.Services.GetRequiredService<TenantRegistry>().Invalidate();
        var response = await fixture.ClientFor($"{name}.localhost").GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("en cours de création", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_with_a_path_prefix_answers_under_it_and_its_links_stay_under_it()
    {
        var name = fixture.NewTenantName("cpas");
        var prefix = $"p{name.Replace("-", string.Empty, StringComparison.Ordinal)}";
        await fixture.CreateTenantAsync(name, displayName: "CPAS", prefix: prefix, withHost: false);
        var client = fixture.ClientFor(StorageFixture.SharedHost);

        var home = await client.GetAsync($"/{prefix}/");
        var page = await client.GetAsync($"/{prefix}/contact");
        var outside = await client.GetAsync("/contact");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains($"href=\"/{prefix}/contact\"", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task The_endpoints_of_a_feature_that_is_off_answer_404_until_a_recipe_enables_it()
    {
        var name = fixture.NewTenantName("nofeature");
        var bare = RecipeFiles.Write(fixture, """{"name": "bare", "steps": [{"step": "settings", "site": {"tagline": "Rien"}}]}""");
        var pages = RecipeFiles.Write(fixture, """{"name": "pages", "steps": [{"step": "features", "enable": ["pages"]}]}""");
        await fixture.CreateTenantAsync(name, recipe: bare);
        var client = fixture.ClientFor($"{name}.localhost");

        var before = await client.GetAsync("/");
        await fixture.App.Services.GetRequiredService<TenantProvisioner>().ApplyRecipeAsync(name, pages, recipeMayBePath: true, CancellationToken.None);
        var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Tenants_and_their_content_survive_a_restart_with_migrations_applied_in_place()
    {
        // From the previous release's storage (Tenancy/Upgrade): the first host migrates it, adds a tenant and a
        // request, and is stopped; the second finds every migration applied and must still serve all of it.
        await using var storage = await PreviousReleaseStorage.RestoreAsync(fixture.Provider);
        string code;
        var first = storage.StartApp();
        await using (first)
        {
            await first.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
                new CreateTenantRequest("durbuy", "Durbuy", ["durbuy.localhost"], null, "municipality", "admin@durbuy.localhost", StorageFixture.AdminPassword),
                recipeMayBePath: false,
                CancellationToken.None);
            code = await UpgradeTests.FormsWorkForTheOldTenantAsync(first, storage);
        }

        var history = await storage.HistoryAsync(PreviousReleaseStorage.Tenant, "__FormsMigrations");
        await using var second = storage.StartApp();
        var durbuy = await second.GetAsync("durbuy.localhost", "/vie-communale");
        var status = await second.GetAsync(PreviousReleaseStorage.TenantHost, $"/api/submissions/{code}?email=marie%40exemple.be");

        Assert.Throws<ObjectDisposedException>(() => first.Services.GetService<TenantProvisioner>());
        Assert.Equal(HttpStatusCode.OK, durbuy.Status);
        Assert.Contains("Durbuy", durbuy.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status.Status);
        Assert.Contains("\"received\"", status.Body, StringComparison.Ordinal);
        await UpgradeTests.OldDataIsServedAsync(second);
        Assert.Equal(history, await storage.HistoryAsync(PreviousReleaseStorage.Tenant, "__FormsMigrations"));
        Assert.Equal(5, history.Count); // every Forms migration, the last (RequestTriage) applied in place
    }

    [Fact]
    public async Task Static_theme_assets_and_branding_are_served_per_tenant()
    {
        var name = fixture.NewTenantName("brand");
        await fixture.CreateTenantAsync(name, recipe: "demo");
        var client = fixture.ClientFor($"{name}.localhost");

        var css = await client.GetAsync("/theme/default/site.css");
        var branding = await client.GetStringAsync("/branding.css");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("--primary: #1d5e3a", branding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/medias/..%2f..%2f{other}%2fmedia%2f{id}/w640.webp")]
    [InlineData("/medias/..%2F..%2F{other}%2Fmedia%2F{id}/w640.webp")]
    [InlineData("/medias/%2e%2e%2f%2e%2e%2f{other}%2fmedia%2f{id}/w640.webp")]
    [InlineData("/medias/%2e%2e/%2e%2e/{other}/media/{id}/w640.webp")]
    [InlineData("/medias/..\\..\\{other}\\media\\{id}/w640.webp")]
    [InlineData("/medias/..%5c..%5c{other}%5cmedia%5c{id}/w640.webp")]
    [InlineData("/medias/{id}/..%2f..%2f..%2f{other}%2fmedia%2f{id}%2fw640.webp")]
    [InlineData("/medias/{id}/%2e%2e%2f%2e%2e%2f%2e%2e%2f{other}%2fmedia%2f{id}%2fw640.webp")]
    public async Task Traversal_sequences_never_serve_a_file_of_another_tenants_folder(string template)
    {
        var mine = fixture.NewTenantName("chaudfontaine");
        var other = fixture.NewTenantName("trooz");
        await fixture.CreateTenantAsync(mine);
        await fixture.CreateTenantAsync(other);
        // A file that exists, where the other tenant's library keeps an image, under a name the library writes.
        var id = Guid.NewGuid().ToString("N");
        var secret = $"image privee de {other}";
        Directory.CreateDirectory(Path.Combine(fixture.TenantsFolder, other, "media", id));
        await File.WriteAllTextAsync(Path.Combine(fixture.TenantsFolder, other, "media", id, "w640.webp"), secret);
        // The same folder name in this tenant's library, so a sequence that climbs out of it starts from a real folder.
        Directory.CreateDirectory(Path.Combine(fixture.TenantsFolder, mine, "media", id));
        var path = template.Replace("{other}", other, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal);

        var own = await fixture.ClientFor($"{other}.localhost").GetStringAsync($"/medias/{id}/w640.webp");
        var (status, body) = await RawGetAsync($"{mine}.localhost", path);

        Assert.Equal(secret, own); // the file is there and served to its own tenant
        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
    }

    /// <summary>
    /// A GET whose path reaches the app as a server hands it over: percent-decoded except "%2F", as Kestrel does,
    /// but with its dot segments and backslashes kept. Through HttpClient, System.Uri would already have turned
    /// "%2e%2e/" and "..\\" into a plain path on the client side, and the app would never see the sequence.
    /// </summary>
    private async Task<(HttpStatusCode Status, string Body)> RawGetAsync(string host, string path)
    {
        var context = await fixture.App.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString(host);
            c.Request.Path = PathString.FromUriComponent(path);
        });
        using var reader = new StreamReader(context.Response.Body);
        return ((HttpStatusCode)context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}

public sealed class TenancyTestsOnSqlite(SqliteFixture fixture) : TenancyTests<SqliteFixture>(fixture);

public sealed class TenancyTestsOnPostgres(PostgresFixture fixture) : TenancyTests<PostgresFixture>(fixture);
