using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Security;
using Municipal.Core.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>The settings page of an administrator: branding, contact details, footer, accessibility statement. SQLite and PostgreSQL.</summary>
public abstract class SiteSettingsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Settings = "/admin/parametres";

    [Fact]
    public async Task A_readable_colour_is_served_by_branding_css_at_once_and_audited()
    {
        var (name, admin) = await AdminAsync("colour");
        var visitor = fixture.ClientFor($"{name}.localhost");
        Assert.DoesNotContain("--primary", await visitor.GetStringAsync("/branding.css"), StringComparison.Ordinal); // cached now

        var response = await admin.PostFormAsync(Settings, Settings + "/identite", new() { ["site_name"] = "Ville de Test", ["primary_color"] = "#1D5E3A" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(":root { --primary: #1d5e3a; }", await visitor.GetStringAsync("/branding.css"), StringComparison.Ordinal);
        Assert.Contains("Ville de Test</title>", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
        var page = await admin.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("La section « Identité et apparence » a été enregistrée.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"#1d5e3a\"", page, StringComparison.Ordinal);

        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var line = await scope.ServiceProvider.GetRequiredService<TenantDbContext>().AuditLog.AsNoTracking().SingleAsync(a => a.ObjectType == "Settings");
        Assert.Equal(("changed", "identite", admin.Email), (line.Action, line.ObjectId, line.Actor));
    }

    [Fact]
    public async Task A_colour_unreadable_on_white_is_refused_with_its_ratio_and_nothing_is_saved()
    {
        var (name, admin) = await AdminAsync("lowcontrast");
        await admin.PostFormAsync(Settings, Settings + "/identite", new() { ["primary_color"] = "#1d5e3a" });

        var response = await admin.PostFormAsync(Settings, Settings + "/identite", new() { ["site_name"] = "Autre nom", ["primary_color"] = "#ffcc00" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Erreur : Paramètres du site", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#primary_color\">Le contraste de #ffcc00 sur le blanc est de 1,5:1 ; il faut au moins 4,5:1.</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"primary_color-hint primary_color-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Autre nom\"", html, StringComparison.Ordinal);
        var visitor = fixture.ClientFor($"{name}.localhost");
        Assert.Contains("--primary: #1d5e3a;", await visitor.GetStringAsync("/branding.css"), StringComparison.Ordinal);
        Assert.DoesNotContain("Autre nom", await visitor.GetStringAsync("/"), StringComparison.Ordinal);

        var badFormat = await admin.PostFormAsync(Settings, Settings + "/identite", new() { ["primary_color"] = "vert" });
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("Saisissez la couleur au format #rrggbb", await badFormat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_details_opening_hours_and_social_links_show_in_the_public_footer()
    {
        var (name, admin) = await AdminAsync("footer");
        var contact = await admin.PostFormAsync(Settings, Settings + "/coordonnees", new()
        {
            ["address"] = "Grand-Place 1, 5000 Namur",
            ["phone"] = "081 00 00 00",
            ["email"] = "accueil@test.be",
            ["hours"] = "Lundi au vendredi : 8 h 30 – 12 h\r\n\r\nMercredi : 13 h 30 – 16 h",
        });
        var footer = await admin.PostFormAsync(Settings, Settings + "/pied-de-page", new() { ["social"] = "Facebook | https://www.facebook.com/test" });

        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, footer.StatusCode);
        var home = await fixture.ClientFor($"{name}.localhost").GetStringAsync("/");
        Assert.Contains("Grand-Place 1, 5000 Namur", home, StringComparison.Ordinal);
        Assert.Contains("<li>Lundi au vendredi : 8 h 30 – 12 h</li>", home, StringComparison.Ordinal);
        Assert.Contains("<li>Mercredi : 13 h 30 – 16 h</li>", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.facebook.com/test\">Facebook</a>", home, StringComparison.Ordinal);

        var bad = await admin.PostFormAsync(Settings, Settings + "/pied-de-page", new() { ["social"] = "Facebook | https://www.facebook.com/test\nInstagram http://insta" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("La ligne 2 des réseaux sociaux doit s&#x27;écrire « Libellé | https://adresse »", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accessibility_statement_shows_what_the_administrator_enters()
    {
        var (name, admin) = await AdminAsync("statement");
        var response = await admin.PostFormAsync(Settings, Settings + "/accessibilite", new()
        {
            ["a11y_status"] = "partial",
            ["a11y_audit_date"] = "2026-06-15",
            ["a11y_statement_date"] = "2026-09-01",
            ["a11y_non_accessible"] = "Les anciens PDF ne sont pas balisés.\nLa carte n'est pas utilisable au clavier.",
            ["a11y_email"] = "accessibilite@test.be",
            ["a11y_phone"] = "081 11 11 11",
            ["a11y_enforcement"] = string.Empty,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var statement = await fixture.ClientFor($"{name}.localhost").GetStringAsync("/accessibilite");
        Assert.Contains("<strong>partiellement conforme</strong>", statement, StringComparison.Ordinal);
        Assert.Contains("Dernière évaluation : 15 juin 2026.", statement, StringComparison.Ordinal);
        Assert.Contains("elle a été établie le 1 septembre 2026", statement, StringComparison.Ordinal);
        Assert.Contains("Les anciens PDF ne sont pas balisés.", statement, StringComparison.Ordinal);
        Assert.Contains("mailto:accessibilite@test.be", statement, StringComparison.Ordinal);
        Assert.Contains("Par téléphone : 081 11 11 11", statement, StringComparison.Ordinal);
        Assert.Contains("https://www.le-mediateur.be/", statement, StringComparison.Ordinal);

        var bad = await admin.PostFormAsync(Settings, Settings + "/accessibilite", new() { ["a11y_status"] = "partial", ["a11y_audit_date"] = "2026-02-31", ["a11y_email"] = "pas une adresse" });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("<a href=\"#a11y_audit_date\">Saisissez une date réelle", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#a11y_email\">Saisissez une adresse e-mail valide", html, StringComparison.Ordinal);
        Assert.Contains("Dernière évaluation : 15 juin 2026.", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/accessibilite"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_settings_post_with_a_forged_token_is_refused_with_400()
    {
        var (name, admin) = await AdminAsync("forged");
        var response = await admin.Client.PostAsync(Settings + "/identite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = "CfDJ8forged",
            ["primary_color"] = "#000000",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("--primary", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/branding.css"), StringComparison.Ordinal);
    }

    private async Task<(string Name, AdminSession Admin)> AdminAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name);
        return (name, await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator));
    }
}

public sealed class SiteSettingsTestsOnSqlite(SqliteFixture fixture) : SiteSettingsTests<SqliteFixture>(fixture);

public sealed class SiteSettingsTestsOnPostgres(PostgresFixture fixture) : SiteSettingsTests<PostgresFixture>(fixture);
