using System.Net;
using Municipal.Admin;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>The dashboard tells each officer where to start, and what waits for them.</summary>
public sealed class DashboardTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private const string NewPage = ContentAdminRoutes.New + "?type=Page";

    [Fact]
    public async Task An_editor_is_told_of_a_submitted_content_and_its_author_of_it_being_sent_back()
    {
        var name = fixture.NewTenantName("dashboard");
        await fixture.CreateTenantAsync(name);
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);

        var before = await editor.Client.GetStringAsync("/admin");
        Assert.Contains("<a href=\"/admin/contenus/nouveau?type=Page\">Créer : Page</a>", before, StringComparison.Ordinal);
        Assert.DoesNotContain("attend votre relecture", before, StringComparison.Ordinal);

        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(author, NewPage, NewPage, new() { ["title"] = "Fête du village" }));
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync(ContentAdminRoutes.Edit(id), ContentAdminRoutes.Submit(id), new() { ["note"] = "À relire" })).StatusCode);

        var waiting = await editor.Client.GetStringAsync("/admin");
        Assert.Contains("<a href=\"/admin/relecture\">1 contenu attend votre relecture</a>", waiting, StringComparison.Ordinal);
        // An author cannot review: the line is not theirs.
        Assert.DoesNotContain("attend votre relecture", await author.Client.GetStringAsync("/admin"), StringComparison.Ordinal);

        var review = await editor.Client.GetStringAsync(ContentAdminRoutes.Review(id));
        // The revision the editor saw; a page without one must fail here, not post an empty revision.
        var revisionField = System.Text.RegularExpressions.Regex.Match(review, "name=\"revision\" value=\"(\\d+)\"");
        Assert.True(revisionField.Success, "Pas de champ « revision » sur la page de relecture.");
        var revision = revisionField.Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(ContentAdminRoutes.Review(id), ContentAdminRoutes.SendBack(id), new() { ["comment"] = "Ajoutez la date.", ["revision"] = revision })).StatusCode);

        Assert.Contains("1 de vos contenus vous a été renvoyé avec un commentaire", await author.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.DoesNotContain("attend votre relecture", await editor.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }
}
