using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Audit;
using Municipal.Core.Security;
using Municipal.Core.Storage;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.UserTestPages;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// Core pages showing a key a module handed them read it from the module's own texts (FormsText, MediaText, NewsText),
/// not from CoreText: the admin menu's labels and the journal's actions and object types. A key the catalog does not
/// find would show as itself ("FormsAgentMenu"). The lookup does not depend on the storage: SQLite only.
/// </summary>
public sealed class ModuleTextsTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task The_admin_menu_and_the_journal_show_the_modules_own_texts()
    {
        var name = fixture.NewTenantName("textes");
        await fixture.CreateTenantAsync(name, recipe: "demo");
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            db.AuditLog.Add(Line("forms-export", "FormsPersonalData", "citoyen@example.be"));
            db.AuditLog.Add(Line(AuditActions.Published, "NewsArticle", "Marché de Noël"));
            await db.SaveChangesAsync();
        }

        var admin = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);
        var dashboard = Text(await admin.Client.GetStringAsync("/admin"));
        Assert.Contains(">Médias</a>", dashboard, StringComparison.Ordinal);
        Assert.Contains(">Demandes</a>", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("NavMedia", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("FormsAgentMenu", dashboard, StringComparison.Ordinal);

        var journal = Text(await admin.Client.GetStringAsync("/admin/journal"));
        Assert.Contains("<td>Données personnelles exportées</td>", journal, StringComparison.Ordinal);
        Assert.Contains("Données personnelles : citoyen@example.be", journal, StringComparison.Ordinal);
        Assert.Contains("Actualité : Marché de Noël", journal, StringComparison.Ordinal);
    }

    private static AuditRecord Line(string action, string type, string objectName) => new()
    {
        AtUtc = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
        Actor = "agent@example.be",
        Action = action,
        ObjectType = type,
        ObjectId = "x-" + type,
        ObjectName = objectName,
    };
}
