using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Core.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>The taxonomy editor on the demo municipality, whose pages are filed under topics. SQLite and PostgreSQL.</summary>
public abstract partial class SiteTaxonomyTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Topics = "/admin/taxonomies/topics";

    [Fact]
    public async Task A_renamed_term_keeps_its_id_and_the_contents_filed_under_it()
    {
        var (name, editor) = await DemoEditorAsync("taxrename");
        var list = await editor.Client.GetStringAsync("/admin/taxonomies");
        Assert.Contains(">Thèmes</a>", list, StringComparison.Ordinal);
        var before = await UsageShownAsync(editor, "environnement");
        Assert.True(before > 0, "Demo pages are filed under « environnement ».");

        var form = SiteMenuTests<TFixture>.Fields(await editor.Client.GetStringAsync(Topics));
        var row = form.Single(f => f.Key.EndsWith("-id", StringComparison.Ordinal) && f.Value == "environnement").Key[..^"-id".Length];
        form[row + "-name"] = "Nature et environnement";
        form["action"] = "save";
        var response = await editor.PostFormAsync(Topics, Topics, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await editor.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Les termes ont été enregistrés.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Nature et environnement\"", page, StringComparison.Ordinal);
        Assert.Contains("Identifiant : environnement", page, StringComparison.Ordinal);
        Assert.Equal(before, await UsageShownAsync(editor, "environnement"));

        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var published = await db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == "taxonomy:topics" && i.Status == ContentStatus.Published);
        var taxonomy = ContentStore.Read<TaxonomyContent>(published);
        Assert.Contains(new TaxonomyTerm("environnement", "Nature et environnement"), taxonomy.Terms);
        Assert.True(await db.ContentItems.CountAsync(i => i.ContentItemId == "taxonomy:topics") >= 2, "The rename is a new revision.");
        var dechets = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Path == "vivre-a-valmont/environnement/dechets" && i.Status == ContentStatus.Published);
        Assert.Contains("\"topics\":[\"environnement\"]", dechets.Data, StringComparison.Ordinal);
        Assert.True(await db.AuditLog.AnyAsync(a => a.ObjectId == "taxonomy:topics" && a.Action == "published" && a.Actor == editor.Email));
    }

    [Fact]
    public async Task Removing_a_term_in_use_asks_first_and_says_how_many_contents_use_it()
    {
        var (_, editor) = await DemoEditorAsync("taxremove");
        var form = SiteMenuTests<TFixture>.Fields(await editor.Client.GetStringAsync(Topics));
        var row = form.Single(f => f.Key.EndsWith("-id", StringComparison.Ordinal) && f.Value == "vie-communale").Key[..^"-id".Length];
        form["action"] = "remove-" + row["term-".Length..];

        var response = await editor.PostFormAsync(Topics, Topics, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirm = await editor.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Matches("Le terme « Vie communale » est utilisé par [0-9]+ contenus\\.", confirm);
        Assert.Contains("value=\"Vie communale\"", await editor.Client.GetStringAsync(Topics), StringComparison.Ordinal); // still there

        var removed = await editor.PostFormAsync(response.Headers.Location!.OriginalString, response.Headers.Location!.OriginalString, []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var page = await editor.Client.GetStringAsync(removed.Headers.Location!.OriginalString);
        Assert.Contains("Le terme « Vie communale » a été retiré.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Vie communale\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_term_is_added_moved_up_and_a_name_left_empty_is_refused()
    {
        var (_, editor) = await DemoEditorAsync("taxadd");
        var form = SiteMenuTests<TFixture>.Fields(await editor.Client.GetStringAsync(Topics));
        var count = int.Parse(form["rows"], System.Globalization.CultureInfo.InvariantCulture);
        form["new-name"] = "Sécurité et prévention";
        form["action"] = "add";
        var response = await editor.PostFormAsync(Topics, Topics, form);
        var page = await editor.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"Le terme « Sécurité et prévention » a été ajouté, en position {count + 1} sur {count + 1}.", page, StringComparison.Ordinal);
        Assert.Contains("Identifiant : securite-et-prevention", page, StringComparison.Ordinal);

        form = SiteMenuTests<TFixture>.Fields(page);
        form["action"] = $"up-{count}";
        response = await editor.PostFormAsync(Topics, Topics, form);
        page = await editor.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"« Sécurité et prévention » a été déplacé : il est maintenant en position {count} sur {count + 1}.", page, StringComparison.Ordinal);

        form = SiteMenuTests<TFixture>.Fields(page);
        form["term-0-name"] = string.Empty;
        form["action"] = "save";
        response = await editor.PostFormAsync(Topics, Topics, form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#term-0-name\">Saisissez le nom pour le terme 1</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_that_drops_a_term_without_asking_is_refused()
    {
        var (_, editor) = await DemoEditorAsync("taxstale");
        var form = SiteMenuTests<TFixture>.Fields(await editor.Client.GetStringAsync(Topics));
        form["rows"] = "1";

        var response = await editor.PostFormAsync(Topics, Topics, form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("La taxonomie a été modifiée entre-temps", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("value=\"Vie communale\"", await editor.Client.GetStringAsync(Topics), StringComparison.Ordinal);

        // Nor may a forged row bring a term without an id.
        form = SiteMenuTests<TFixture>.Fields(await editor.Client.GetStringAsync(Topics));
        var count = int.Parse(form["rows"], System.Globalization.CultureInfo.InvariantCulture);
        form["rows"] = (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        form[$"term-{count}-id"] = string.Empty;
        form[$"term-{count}-name"] = "Sans identifiant";
        response = await editor.PostFormAsync(Topics, Topics, form);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.DoesNotContain("Sans identifiant", await editor.Client.GetStringAsync(Topics), StringComparison.Ordinal);
    }

    /// <summary>How many contents the confirmation page says are filed under the term (read, not confirmed).</summary>
    private static async Task<int> UsageShownAsync(AdminSession editor, string termId)
    {
        var html = await editor.Client.GetStringAsync($"{Topics}/termes/{termId}/retirer");
        return int.Parse(UsagePattern().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(string Name, AdminSession Editor)> DemoEditorAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name, recipe: "demo");
        return (name, await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor));
    }

    [GeneratedRegex("est utilisé par ([0-9]+) contenus?")]
    private static partial Regex UsagePattern();
}

public sealed class SiteTaxonomyTestsOnSqlite(SqliteFixture fixture) : SiteTaxonomyTests<SqliteFixture>(fixture);

public sealed class SiteTaxonomyTestsOnPostgres(PostgresFixture fixture) : SiteTaxonomyTests<PostgresFixture>(fixture);
