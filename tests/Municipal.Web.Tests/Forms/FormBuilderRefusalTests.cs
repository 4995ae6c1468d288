using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Security;
using Municipal.Forms.Builder;
using Municipal.Forms.Model;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.FormBuilderDriver;

namespace Municipal.Web.Tests.Forms;

/// <summary>What the form builder refuses, in French and without a 500; who may not use it. SQLite and PostgreSQL.</summary>
public abstract class FormBuilderRefusalTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_taken_address_and_a_taken_field_name_are_refused_in_french()
    {
        var name = await TenantAsync();
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var form = await CreateFormAsync(editor, "Demande de certificat", "certificat");

        var page = await PostRefusedAsync(editor, Root + "/nouveau", Settings("Autre demande", "certificat"));
        Assert.Contains("L'adresse « certificat » est déjà celle d'un autre formulaire.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#slug\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"slug-hint slug-error\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Autre demande\"", page, StringComparison.Ordinal);
        page = await PostRefusedAsync(editor, Root + "/nouveau", Settings("Réservé", "nouveau"));
        Assert.Contains("« nouveau » est réservé", page, StringComparison.Ordinal);

        await AddStepAsync(editor, form, "Vous");
        await AddFieldAsync(editor, form, 1, "text", "Nom");
        var second = await AddFieldAsync(editor, form, 1, "text", "Nom");
        Assert.EndsWith("/champs/2", second, StringComparison.Ordinal);
        page = await PostRefusedAsync(editor, second, Field("Nom", "nom"));
        Assert.Contains("Le nom technique « nom » est déjà celui d'un autre champ du formulaire.", page, StringComparison.Ordinal);
        page = await PostRefusedAsync(editor, second, Field("Nom", "1 nom; drop"));
        Assert.Contains("commence par une lettre", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_and_authors_may_not_build_forms()
    {
        var name = await TenantAsync();
        var admin = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        await CreateFormAsync(admin, "Demande", "demande");
        foreach (var role in new[] { TenantRoles.Agent, TenantRoles.Author })
        {
            var session = await AdminSession.SignInAsync(fixture, name, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync(Root)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync(Root + "/demande")).StatusCode);
            var token = AdminSession.Token(await session.Client.GetStringAsync("/admin"));
            var post = await session.Client.PostAsync(Root + "/demande", new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = token, ["action"] = "publish" }));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.DoesNotContain("href=\"/admin/e-guichet/formulaires\"", await session.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hostile_inputs_get_an_error_summary_never_a_500()
    {
        var name = await TenantAsync();
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var form = await CreateFormAsync(editor, "Formulaire piégé", "piege");

        // An empty form cannot be published.
        var page = await PostRefusedAsync(editor, form, new() { ["action"] = "publish" });
        Assert.Contains("étape", page, StringComparison.Ordinal);

        page = await PostRefusedAsync(editor, form + "/reglages", Settings(new string('A', 5000), "piege", retention: "0"));
        Assert.Contains("au plus 200 caractères", page, StringComparison.Ordinal);
        Assert.Contains("entre 1 et 3650", page, StringComparison.Ordinal);
        await PostRefusedAsync(editor, form + "/reglages", Settings("Piège", "piege", retention: "99999999999999999999"));
        await PostRefusedAsync(editor, form + "/reglages", Settings("Piège", "../../etc"));

        await AddStepAsync(editor, form, "Étape");
        var step = form + "/etapes/1";
        page = await PostRefusedAsync(editor, step, new() { ["action"] = "add-field", ["field-type"] = "script", ["field-label"] = new string('x', 100_000) });
        Assert.Contains("Choisissez un type de champ", page, StringComparison.Ordinal);
        Assert.Contains("au plus 300 caractères", page, StringComparison.Ordinal);

        var first = await AddFieldAsync(editor, form, 1, "text", "Premier");
        var second = await AddFieldAsync(editor, form, 1, "number", "Second");
        page = await PostRefusedAsync(editor, first, Field("Premier", "premier", new() { ["pattern"] = "([a-z", ["min-length"] = "10", ["max-length"] = "5" }));
        Assert.Contains("n'est pas une expression régulière valable", page, StringComparison.Ordinal);
        Assert.Contains("supérieur ou égal au minimum", page, StringComparison.Ordinal);
        page = await PostRefusedAsync(editor, first, Field("Premier", "premier", new() { ["condition-field"] = "second", ["condition-value"] = "3" }));
        Assert.Contains("Choisissez un champ placé avant celui-ci", page, StringComparison.Ordinal);
        page = await PostRefusedAsync(editor, second, Field("Second", "second", new() { ["min"] = "9", ["max"] = "1e400" }));
        Assert.Contains("Saisissez un nombre", page, StringComparison.Ordinal);
        await PostRefusedAsync(editor, second, Field("Second", "second", new() { ["min"] = "9", ["max"] = "3" }));

        var choice = await AddFieldAsync(editor, form, 1, "choice", "Choix");
        page = await PostRefusedAsync(editor, choice, Field("Choix", "choix", new() { ["options"] = "a|Un\na|Deux" }));
        Assert.Contains("La valeur « a » est donnée à deux choix", page, StringComparison.Ordinal);
        page = await PostRefusedAsync(editor, choice, Field("Choix", "choix", new() { ["options"] = "", ["condition-field"] = "premier", ["condition-value"] = "" }));
        Assert.Contains("au moins un choix", page, StringComparison.Ordinal);
        var file = await AddFieldAsync(editor, form, 1, "file", "Fichier");
        page = await PostRefusedAsync(editor, file, Field("Fichier", "fichier", new() { ["max-files"] = "-1", ["max-size"] = "5000", ["accepted"] = "text/html" }));
        Assert.Contains("nombre entier de 1 à 20", page, StringComparison.Ordinal);
        Assert.Contains("types de fichiers dans la liste", page, StringComparison.Ordinal);

        // A choice field left without options blocks publication, with the checker's French message.
        page = await PostRefusedAsync(editor, form, new() { ["action"] = "publish" });
        Assert.Contains("choix", page, StringComparison.Ordinal);

        // A runaway build stops at 30 steps.
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var store = scope.ServiceProvider.GetRequiredService<FormBuilderStore>();
            var copy = (await store.FindAsync("piege", default))!.Copy;
            await store.SaveCopyAsync(copy with { Steps = Enumerable.Range(1, 30).Select(n => new FormStep { Title = $"Étape {n}", Fields = [] }).ToList() }, default);
        }

        page = await PostRefusedAsync(editor, form, new() { ["action"] = "add-step", ["step-title"] = "Une de trop" });
        Assert.Contains("Un formulaire a au plus 30 étapes.", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync(form + "/etapes/99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync(form + "/etapes/1/champs/99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync(Root + "/Pas%20un%20slug")).StatusCode);
        var moved = await editor.PostFormAsync(step, step, new() { ["action"] = "up-999999999999" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
    }

    private async Task<string> TenantAsync()
    {
        var name = fixture.NewTenantName("fbref");
        await fixture.CreateTenantAsync(name);
        return name;
    }
}

public sealed class FormBuilderRefusalTestsOnSqlite(SqliteFixture fixture) : FormBuilderRefusalTests<SqliteFixture>(fixture);

public sealed class FormBuilderRefusalTestsOnPostgres(PostgresFixture fixture) : FormBuilderRefusalTests<PostgresFixture>(fixture);
