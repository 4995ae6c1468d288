using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Core.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>The menu editor and who may open the site's screens. Runs once on SQLite and once on PostgreSQL.</summary>
public abstract partial class SiteMenuTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Main = "/admin/menus/main";

    [Fact]
    public async Task An_editor_opens_menus_and_taxonomies_but_not_settings_and_authors_and_agents_open_none()
    {
        var name = fixture.NewTenantName("siteperm");
        await fixture.CreateTenantAsync(name);
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);

        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/admin/menus")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync(Main)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/admin/taxonomies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/admin/taxonomies/topics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.GetAsync("/admin/parametres")).StatusCode);
        var dashboard = await editor.Client.GetStringAsync("/admin");
        Assert.Contains(">Menus</a>", dashboard, StringComparison.Ordinal);
        Assert.Contains(">Taxonomies</a>", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain(">Paramètres</a>", dashboard, StringComparison.Ordinal);
        var refused = await editor.PostFormAsync("/admin/menus", "/admin/parametres/identite", new() { ["primary_color"] = "#123456" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        foreach (var role in new[] { TenantRoles.Author, TenantRoles.Agent })
        {
            var session = await AdminSession.SignInAsync(fixture, name, role);
            foreach (var path in new[] { "/admin/menus", Main, "/admin/taxonomies", "/admin/taxonomies/topics", "/admin/parametres" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync(path)).StatusCode);
            }

            var post = await session.PostFormAsync("/admin", Main, new() { ["rows"] = "0", ["action"] = "save" });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        // Nothing any of them posted reached the menu.
        Assert.Contains(">Démarches</a>", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_link_shows_at_once_on_the_public_home_page_and_is_audited()
    {
        var (name, editor) = await EditorAsync("menuedit");
        var visitor = fixture.ClientFor($"{name}.localhost");
        Assert.Contains(">Démarches</a>", await visitor.GetStringAsync("/"), StringComparison.Ordinal); // now in the output cache

        var form = Fields(await editor.Client.GetStringAsync(Main));
        form["item-0-label"] = "Vos démarches en ligne";
        form["action"] = "save";
        var response = await editor.PostFormAsync(Main, Main, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = MainNav(await visitor.GetStringAsync("/"));
        Assert.Contains(">Vos démarches en ligne</a>", home, StringComparison.Ordinal);
        Assert.DoesNotContain(">Démarches</a>", home, StringComparison.Ordinal);
        var page = await editor.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Le menu a été enregistré.", page, StringComparison.Ordinal);

        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
        var line = await db.AuditLog.AsNoTracking().SingleAsync(a => a.ObjectType == "Menu");
        Assert.Equal(("changed", "main", editor.Email), (line.Action, line.ObjectId, line.Actor));
    }

    [Fact]
    public async Task Moving_a_link_down_reorders_the_public_menu_and_says_where_it_went()
    {
        var (name, editor) = await EditorAsync("menumove");

        var form = Fields(await editor.Client.GetStringAsync(Main));
        form["action"] = "down-0";
        var response = await editor.PostFormAsync(Main, Main, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await editor.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("« Démarches » a été déplacé : il est maintenant en position 2 sur 4.", page, StringComparison.Ordinal);
        var home = MainNav(await fixture.ClientFor($"{name}.localhost").GetStringAsync("/"));
        Assert.True(
            home.IndexOf(">Vie communale</a>", StringComparison.Ordinal) < home.IndexOf(">Démarches</a>", StringComparison.Ordinal),
            "« Vie communale » comes before « Démarches » in the public menu.");

        // Up again, and the last link cannot go further down: it has no « Descendre » button.
        form = Fields(page);
        form["action"] = "up-1";
        response = await editor.PostFormAsync(Main, Main, form);
        page = await editor.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("position 1 sur 4", page, StringComparison.Ordinal);
        Assert.Contains("value=\"down-2\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"down-3\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"up-0\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_is_added_as_a_sub_link_and_another_removed()
    {
        var (name, editor) = await EditorAsync("menuadd");

        var form = Fields(await editor.Client.GetStringAsync(Main));
        form["new-label"] = "Horaires";
        form["new-address"] = "https://www.example.be/horaires";
        form["new-nested"] = "true";
        form["action"] = "add";
        var response = await editor.PostFormAsync(Main, Main, form);
        var page = await editor.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("« Horaires » a été ajouté au menu, en position 1 sur 1 sous « Contact ».", page, StringComparison.Ordinal);

        form = Fields(page);
        form["action"] = "remove-1";
        response = await editor.PostFormAsync(Main, Main, form);
        page = await editor.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("« Vie communale » a été retiré du menu.", page, StringComparison.Ordinal);

        Assert.Contains("Lien 4 (sous-élément) : Horaires", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Vie communale</a>", MainNav(await fixture.ClientFor($"{name}.localhost").GetStringAsync("/")), StringComparison.Ordinal);
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var menu = await scope.ServiceProvider.GetRequiredService<MenuStore>().GetAsync("main");
        Assert.Equal(["Démarches", "Actualités", "Contact"], menu.Select(i => i.Label));
        Assert.Equal(new MenuItem("Horaires", "https://www.example.be/horaires"), Assert.Single(menu[2].Children!));
    }

    [Fact]
    public async Task A_link_without_label_or_with_an_unsafe_address_is_refused_and_nothing_is_saved()
    {
        var (name, editor) = await EditorAsync("menubad");

        var form = Fields(await editor.Client.GetStringAsync(Main));
        form["item-0-label"] = string.Empty;
        form["item-1-page"] = string.Empty;
        form["item-1-address"] = "javascript:alert(1)";
        form["action"] = "down-2";
        var response = await editor.PostFormAsync(Main, Main, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#item-0-label\">Saisissez le libellé pour le lien 1</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#item-1-address\">L&#x27;adresse pour le lien 2 doit", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"item-1-address-hint item-1-address-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"javascript:alert(1)\"", html, StringComparison.Ordinal); // what was typed is kept
        var home = await fixture.ClientFor($"{name}.localhost").GetStringAsync("/");
        Assert.Contains(">Démarches</a>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_with_a_forged_token_is_refused_with_400()
    {
        var (name, editor) = await EditorAsync("menuforged");
        var fields = Fields(await editor.Client.GetStringAsync(Main));
        fields["item-0-label"] = "Piraté";
        fields["__jeton"] = "CfDJ8forgedtoken";

        var response = await editor.Client.PostAsync(Main, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Piraté", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_menu_answers_404()
    {
        var (_, editor) = await EditorAsync("menu404");
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync("/admin/menus/inconnu")).StatusCode);
    }

    private async Task<(string Name, AdminSession Editor)> EditorAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name);
        return (name, await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor));
    }

    /// <summary>The fields of the editor's form as a browser would post them (text inputs, selected options, checked boxes).</summary>
    internal static Dictionary<string, string> Fields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(html))
        {
            var tag = input.Value;
            var fieldName = Attribute(tag, "name");
            var type = Attribute(tag, "type");
            if (fieldName is null || fieldName == "__jeton" || (type == "checkbox" && !tag.Contains(" checked", StringComparison.Ordinal)))
            {
                continue;
            }

            fields[fieldName] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? string.Empty);
        }

        foreach (Match select in SelectPattern().Matches(html))
        {
            var selected = SelectedPattern().Match(select.Groups[2].Value);
            fields[select.Groups[1].Value] = selected.Success ? WebUtility.HtmlDecode(selected.Groups[1].Value) : string.Empty;
        }

        foreach (Match area in TextAreaPattern().Matches(html))
        {
            fields[area.Groups[1].Value] = WebUtility.HtmlDecode(area.Groups[2].Value);
        }

        fields.Remove("action");
        return fields;
    }

    /// <summary>The public site's main navigation (the home page links to the same pages elsewhere too).</summary>
    internal static string MainNav(string html) => MainNavPattern().Match(html) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException("No main navigation.");

    private static string? Attribute(string tag, string attribute) =>
        Regex.Match(tag, $"\\s{attribute}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<nav class=\"main-nav\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex MainNavPattern();

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<select id=\"[^\"]*\" name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected>")]
    private static partial Regex SelectedPattern();

    [GeneratedRegex("<textarea id=\"[^\"]*\" name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextAreaPattern();
}

public sealed class SiteMenuTestsOnSqlite(SqliteFixture fixture) : SiteMenuTests<SqliteFixture>(fixture);

public sealed class SiteMenuTestsOnPostgres(PostgresFixture fixture) : SiteMenuTests<PostgresFixture>(fixture);
