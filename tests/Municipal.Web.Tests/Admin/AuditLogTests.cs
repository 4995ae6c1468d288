using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Audit;
using Municipal.Core.Security;
using Municipal.Core.Storage;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.UserTestPages;

namespace Municipal.Web.Tests.Admin;

/// <summary>The journal: Brussels time in French, newest first, 50 a page, one object's lines, links to contents. SQLite and PostgreSQL.</summary>
public abstract class AuditLogTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task Lines_show_in_brussels_time_in_french_newest_first_with_a_link_to_the_content()
    {
        var name = fixture.NewTenantName("journal");
        await fixture.CreateTenantAsync(name, recipe: "demo");
        string contentId;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            contentId = await db.ContentItems.Where(c => c.ContentType != "Event" && c.ContentType != "Agenda").Select(c => c.ContentItemId).OrderBy(id => id).FirstAsync();
            db.AuditLog.Add(Line(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), AuditActions.Published, "Page", contentId, "Horaires d'été"));
            db.AuditLog.Add(Line(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), AuditActions.Uploaded, "Media", "m-1", "plan.pdf"));
            await db.SaveChangesAsync();
        }

        var admin = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);
        var html = Text(await admin.Client.GetStringAsync("/admin/journal"));

        Assert.Contains("<h1>Journal</h1>", html, StringComparison.Ordinal);
        // Summer time is UTC+2, winter time UTC+1.
        Assert.Contains("<time datetime=\"2026-07-01T12:00:00.0000000+00:00\">1 juillet 2026 à 14:00</time>", html, StringComparison.Ordinal);
        Assert.Contains("1 décembre 2026 à 13:00", html, StringComparison.Ordinal);
        Assert.Contains("<td>Publication</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Téléversement</td>", html, StringComparison.Ordinal);
        Assert.Contains($"Page : <a href=\"/admin/contenus/{contentId}\">Horaires d'été</a>", html, StringComparison.Ordinal);
        Assert.Contains("Média : plan.pdf</td>", html, StringComparison.Ordinal);
        // Newest first: this sign-in, then the upload (added last), then the publication.
        Assert.True(html.IndexOf("<td>Connexion</td>", StringComparison.Ordinal) < html.IndexOf("plan.pdf", StringComparison.Ordinal));
        Assert.True(html.IndexOf("plan.pdf", StringComparison.Ordinal) < html.IndexOf("Horaires d'été", StringComparison.Ordinal));

        var one = Text(await admin.Client.GetStringAsync($"/admin/journal?objet={contentId}"));
        Assert.Contains("Horaires d'été", one, StringComparison.Ordinal);
        Assert.DoesNotContain("plan.pdf", one, StringComparison.Ordinal);
        Assert.Contains("Voir tout le journal", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_link_of_the_journal_opens_a_page_including_a_taxonomy()
    {
        var name = fixture.NewTenantName("liens");
        await fixture.CreateTenantAsync(name, recipe: "demo");
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            var page = await db.ContentItems.Where(c => c.ContentType == "Page").Select(c => c.ContentItemId).FirstAsync();
            var taxonomy = await db.ContentItems.Where(c => c.ContentItemId.StartsWith("taxonomy:")).Select(c => c.ContentItemId).FirstAsync();
            db.AuditLog.Add(Line(fixture.Clock.GetUtcNow(), AuditActions.Published, "Page", page, "Une page"));
            db.AuditLog.Add(Line(fixture.Clock.GetUtcNow(), AuditActions.Published, "Taxonomy", taxonomy, "Thèmes"));
            await db.SaveChangesAsync();
        }

        var admin = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);
        var html = await admin.Client.GetStringAsync("/admin/journal");
        var main = System.Text.RegularExpressions.Regex.Match(html, "<main.*</main>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var links = System.Text.RegularExpressions.Regex.Matches(main, "href=\"([^\"#]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();

        Assert.Contains(links, link => link.StartsWith("/admin/taxonomies/", StringComparison.Ordinal));
        foreach (var link in links)
        {
            Assert.True((await admin.Client.GetAsync(link)).StatusCode == HttpStatusCode.OK, $"{link} does not answer 200");
        }
    }

    [Fact]
    public async Task Fifty_lines_a_page_with_links_between_pages()
    {
        var name = fixture.NewTenantName("pages");
        await fixture.CreateTenantAsync(name);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
            for (var i = 1; i <= 60; i++)
            {
                db.AuditLog.Add(Line(start.AddMinutes(i), AuditActions.Changed, "Menu", "menu-main", $"Élément n° {i:D2}"));
            }

            await db.SaveChangesAsync();
        }

        var admin = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);
        var first = Text(await admin.Client.GetStringAsync("/admin/journal?objet=menu-main"));
        Assert.Equal(50, CountOf(first, "Menu : Élément n° "));
        Assert.Contains("Élément n° 60", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Élément n° 10<", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 2", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/journal?objet=menu-main&page=2\" rel=\"next\">Page suivante</a>", first, StringComparison.Ordinal);

        var second = Text(await admin.Client.GetStringAsync("/admin/journal?objet=menu-main&page=2"));
        Assert.Equal(10, CountOf(second, "Menu : Élément n° "));
        Assert.Contains("Élément n° 01", second, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/journal?objet=menu-main\" rel=\"prev\">Page précédente</a>", second, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/admin/journal?objet=menu-main&page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/journal?page=abc")).StatusCode);
    }

    private static AuditRecord Line(DateTimeOffset at, string action, string type, string id, string objectName) => new()
    {
        AtUtc = at,
        Actor = "redaction@example.be",
        Action = action,
        ObjectType = type,
        ObjectId = id,
        ObjectName = objectName,
    };

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}

public sealed class AuditLogTestsOnSqlite(SqliteFixture fixture) : AuditLogTests<SqliteFixture>(fixture);

public sealed class AuditLogTestsOnPostgres(PostgresFixture fixture) : AuditLogTests<PostgresFixture>(fixture);
