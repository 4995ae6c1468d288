using System.Net;
using System.Text.RegularExpressions;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>
/// The permission table of the README, role by role, on every back-office screen: each role opens what it may
/// (200) and is refused the rest (403, in French); the navigation offers it nothing it would be refused.
/// </summary>
public sealed partial class PermissionTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private const string A = TenantRoles.Administrator;
    private const string E = TenantRoles.Editor;
    private const string W = TenantRoles.Author;
    private const string G = TenantRoles.Agent;

    /// <summary>Screen → the roles that may open it.</summary>
    private static readonly (string Path, string[] Allowed)[] Screens =
    [
        ("/admin", [A, E, W, G]),
        ("/admin/compte", [A, E, W, G]),
        ("/admin/contenus", [A, E, W]),
        ("/admin/contenus/nouveau?type=Page", [A, E, W]),
        ("/admin/medias", [A, E, W]),
        ("/admin/relecture", [A, E]),
        ("/admin/corbeille", [A, E]),
        ("/admin/menus", [A, E]),
        ("/admin/taxonomies", [A, E]),
        ("/admin/parametres", [A]),
        ("/admin/utilisateurs", [A]),
        ("/admin/utilisateurs/inviter", [A]),
        ("/admin/journal", [A]),
        ("/admin/e-guichet", [A, G]),
        ("/admin/e-guichet/export.csv", [A, G]),
        ("/admin/e-guichet/donnees-personnelles", [A, G]),
        ("/admin/e-guichet/formulaires", [A, E]),
        ("/admin/e-guichet/formulaires/nouveau", [A, E]),
    ];

    [Theory]
    [InlineData(TenantRoles.Administrator)]
    [InlineData(TenantRoles.Editor)]
    [InlineData(TenantRoles.Author)]
    [InlineData(TenantRoles.Agent)]
    public async Task Each_role_opens_the_screens_of_its_permissions_and_gets_a_french_403_on_the_others(string role)
    {
        var name = fixture.NewTenantName("perm-" + role.ToLowerInvariant());
        await fixture.CreateTenantAsync(name, "demo");
        var session = await AdminSession.SignInAsync(fixture, name, role);

        foreach (var (path, allowed) in Screens)
        {
            var response = await session.Client.GetAsync(path);
            var expected = allowed.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{role} on {path}: {(int)response.StatusCode}, expected {(int)expected}.");
            if (expected == HttpStatusCode.Forbidden)
            {
                Assert.Contains("Accès refusé", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(TenantRoles.Administrator, "Tableau de bord|Contenus|Événements partagés avec nous|Relecture|Médias|Demandes|Formulaires|Données personnelles|Menus|Taxonomies|Paramètres|Utilisateurs|Journal|Corbeille|Mon compte")]
    [InlineData(TenantRoles.Editor, "Tableau de bord|Contenus|Événements partagés avec nous|Relecture|Médias|Formulaires|Menus|Taxonomies|Corbeille|Mon compte")]
    [InlineData(TenantRoles.Author, "Tableau de bord|Contenus|Événements partagés avec nous|Médias|Mon compte")]
    [InlineData(TenantRoles.Agent, "Tableau de bord|Demandes|Données personnelles|Mon compte")]
    public async Task The_navigation_offers_each_role_only_screens_it_may_open(string role, string entries)
    {
        var name = fixture.NewTenantName("nav-" + role.ToLowerInvariant());
        await fixture.CreateTenantAsync(name);
        var session = await AdminSession.SignInAsync(fixture, name, role);

        var dashboard = await session.Client.GetStringAsync("/admin");
        var navigation = NavigationPattern().Match(dashboard).Groups[1].Value;
        var links = LinkPattern().Matches(navigation).Select(m => (Url: m.Groups[1].Value, Label: m.Groups[2].Value)).ToList();

        Assert.Contains("aria-current=\"page\">Tableau de bord</a>", navigation, StringComparison.Ordinal);
        Assert.Equal(entries, string.Join("|", links.Select(l => l.Label)));
        foreach (var (link, _) in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(link)).StatusCode);
        }
    }

    [GeneratedRegex("<nav class=\"admin-nav\" aria-label=\"Administration\">(.*?)</nav>", RegexOptions.Singleline)]
    private static partial Regex NavigationPattern();

    [GeneratedRegex("<a href=\"([^\"]+)\"[^>]*>([^<]+)</a>")]
    private static partial Regex LinkPattern();
}
