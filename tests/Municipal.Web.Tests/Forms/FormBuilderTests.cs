using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Security;
using Municipal.Forms.Model;
using Municipal.Forms.PublicFlow;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.FormBuilderDriver;

namespace Municipal.Web.Tests.Forms;

/// <summary>An editor builds forms in the back office; what citizens get is what was built. SQLite and PostgreSQL.</summary>
public abstract class FormBuilderTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_form_built_in_two_steps_is_stored_as_built_and_is_live_only_once_published_and_enabled()
    {
        var name = await TenantAsync();
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var form = await PostOkAsync(editor, Root + "/nouveau", new()
        {
            ["title"] = "Réserver une salle communale",
            ["slug"] = "",
            ["intro"] = "Pour vos fêtes et réunions.",
            ["confirmation"] = "Nous vous répondons sous cinq jours.",
            ["agent-role"] = "Agent",
            ["retention"] = "730",
        });
        Assert.Equal(Root + "/reserver-une-salle-communale", form);
        Assert.Equal(form, await AddStepAsync(editor, form, "La salle"));
        await AddStepAsync(editor, form, "Vos coordonnées");

        var room = await AddFieldAsync(editor, form, 1, "choice", "Salle souhaitée");
        Assert.Equal(form + "/etapes/1/champs/1", room);
        await PostOkAsync(editor, room, Field("Salle souhaitée", "salle", new() { ["required"] = "true", ["options"] = "grande|Grande salle\r\nPetite salle", ["display"] = "select" }));
        var people = await AddFieldAsync(editor, form, 1, "number", "Nombre de personnes");
        await PostOkAsync(editor, people, Field("Nombre de personnes", "nombre-de-personnes", new() { ["required"] = "true", ["min"] = "1", ["max"] = "200", ["whole"] = "true" }));
        var equipment = await AddFieldAsync(editor, form, 1, "textarea", "Matériel souhaité");
        await PostOkAsync(editor, equipment, Field("Matériel souhaité", "materiel-souhaite", new()
        {
            ["hint"] = "Tables, chaises, sono…", ["max-length"] = "500", ["condition-field"] = "salle", ["condition-value"] = "Grande salle",
        }));

        var fullName = await AddFieldAsync(editor, form, 2, "text", "Nom");
        await PostOkAsync(editor, fullName, Field("Nom", "nom", new()
        {
            ["required"] = "true", ["personal"] = "true", ["max-length"] = "100", ["pattern"] = "[^0-9]+", ["pattern-message"] = "Le nom ne contient pas de chiffres.",
        }));
        var association = await AddFieldAsync(editor, form, 2, "boolean", "Vous représentez une association");
        var date = await AddFieldAsync(editor, form, 2, "date", "Date");
        await PostOkAsync(editor, date, Field("Date", "date", new() { ["required"] = "true", ["min-date"] = "2027-01-01" }));
        var statutes = await AddFieldAsync(editor, form, 2, "file", "Statuts de l'association");
        var fileEditor = await editor.Client.GetStringAsync(statutes);
        Assert.Contains("<input id=\"label\" name=\"label\" type=\"text\"", fileEditor, StringComparison.Ordinal);
        Assert.Contains("<input id=\"max-files\" name=\"max-files\" type=\"text\" value=\"1\"", fileEditor, StringComparison.Ordinal);
        await PostOkAsync(editor, statutes, Field("Statuts de l'association", "statuts", new()
        {
            ["max-files"] = "2", ["max-size"] = "5", ["accepted"] = "application/pdf",
            ["condition-field"] = "vous-representez-une-association", ["condition-value"] = "oui",
        }));
        var services = await AddFieldAsync(editor, form, 2, "multichoice", "Services");
        await PostOkAsync(editor, services, Field("Services", "services", new() { ["options"] = "Nettoyage\nBar" }));
        Assert.EndsWith("/etapes/2/champs/2", association, StringComparison.Ordinal);

        // Built but not published: nothing for citizens.
        Assert.Null(await LatestEnabledAsync(name, "reserver-une-salle-communale"));
        Assert.Equal(form, await PostOkAsync(editor, form, new() { ["action"] = "publish" }));
        Assert.Null(await LatestEnabledAsync(name, "reserver-une-salle-communale"));
        await PostOkAsync(editor, form, new() { ["action"] = "enable" });

        var stored = await LatestEnabledAsync(name, "reserver-une-salle-communale");
        Assert.NotNull(stored);
        Assert.Equal(FormSchemaJson.Write(Expected()), FormSchemaJson.Write(stored));
        var page = await editor.Client.GetStringAsync(form);
        Assert.Contains("Activé", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/e-guichet/reserver-une-salle-communale\"", page, StringComparison.Ordinal);
        var list = await editor.Client.GetStringAsync(Root);
        Assert.Contains("Réserver une salle communale", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_published_form_adds_a_version_and_the_request_keeps_the_version_it_answered()
    {
        var name = await TenantAsync();
        string code;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(Signal(), default);
            var result = await scope.ServiceProvider.GetRequiredService<SubmissionIntake>().AcceptAsync(
                "signaler", "marie@exemple.be", new Dictionary<string, FieldValue> { ["description"] = new TextValue("Nid-de-poule rue Haute") }, null, default);
            code = result.TrackingCode!;
        }

        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var form = Root + "/signaler";
        var field = form + "/etapes/1/champs/1";
        var locked = await PostRefusedAsync(editor, field, Field("Décrivez le problème", "probleme"));
        Assert.Contains("son nom technique ne peut plus changer", locked, StringComparison.Ordinal);
        await PostOkAsync(editor, field, Field("Décrivez le problème", "description", new() { ["required"] = "true" }));
        Assert.Equal(1, (await LatestEnabledAsync(name, "signaler"))!.Version);
        Assert.Contains("modifications qui ne sont pas encore publiées", System.Net.WebUtility.HtmlDecode(await editor.Client.GetStringAsync(form)), StringComparison.Ordinal);

        await PostOkAsync(editor, form, new() { ["action"] = "publish" });

        var latest = await LatestEnabledAsync(name, "signaler");
        Assert.Equal((2, "Décrivez le problème"), (latest!.Version, latest.Steps[0].Fields[0].Label));
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            Assert.Equal(1, (await db.Submissions.AsNoTracking().SingleAsync(s => s.TrackingCode == code)).FormVersion);
            var first = await scope.ServiceProvider.GetRequiredService<FormStore>().GetVersionAsync("signaler", 1, default);
            Assert.Equal("Description", first!.Steps[0].Fields[0].Label);
        }

        // An edit abandoned: the builder is back to the published version.
        await PostOkAsync(editor, field, Field("Brouillon abandonné", "description"));
        await PostOkAsync(editor, form, new() { ["action"] = "discard" });
        var back = System.Net.WebUtility.HtmlDecode(await editor.Client.GetStringAsync(form + "/etapes/1"));
        Assert.Contains("Décrivez le problème", back, StringComparison.Ordinal);
        Assert.DoesNotContain("Brouillon abandonné", back, StringComparison.Ordinal);

        // Requests exist: the address is kept whatever is posted.
        await PostOkAsync(editor, form + "/reglages", Settings("Signaler un problème", "autre-adresse"));
        Assert.NotNull(await LatestEnabledAsync(name, "signaler"));
        var history = await editor.Client.GetStringAsync(form);
        Assert.Contains("<td>2</td>", history, StringComparison.Ordinal);
        Assert.Contains("<td>1</td>", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_requests_can_change_its_address_and_its_versions_follow()
    {
        var name = await TenantAsync();
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var form = await CreateFormAsync(editor, "Demande de permis");
        await AddStepAsync(editor, form, "Le projet");
        await AddFieldAsync(editor, form, 1, "text", "Adresse du projet");
        await PostOkAsync(editor, form, new() { ["action"] = "publish" });
        await PostOkAsync(editor, form, new() { ["action"] = "enable" });

        Assert.Equal(Root + "/permis", await PostOkAsync(editor, form + "/reglages", Settings("Demande de permis", "permis")));

        Assert.Null(await LatestEnabledAsync(name, "demande-de-permis"));
        Assert.Equal("permis", (await LatestEnabledAsync(name, "permis"))!.Slug);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync(form)).StatusCode);
    }

    [Theory]
    [InlineData("certificat-de-residence")]
    [InlineData("signaler-un-probleme")]
    [InlineData("reserver-une-salle")]
    public async Task Every_field_of_a_shipped_form_opens_in_the_builder_and_saves_back_unchanged(string slug)
    {
        var name = await TenantAsync();
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var shipped = await LatestEnabledAsync(name, slug);
        Assert.NotNull(shipped);
        Assert.Contains(shipped.Title, System.Net.WebUtility.HtmlDecode(await editor.Client.GetStringAsync(Root)), StringComparison.Ordinal);

        for (var i = 0; i < shipped.Steps.Count; i++)
        {
            for (var j = 0; j < shipped.Steps[i].Fields.Count; j++)
            {
                var page = $"{Root}/{slug}/etapes/{i + 1}/champs/{j + 1}";
                var html = await editor.Client.GetStringAsync(page);
                var response = await editor.Client.PostAsync(page, new FormUrlEncodedContent(FormValues(html)));
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        // Saved back as the editor showed it: the working copy is the shipped version, nothing to publish.
        Assert.Equal(FormSchemaJson.Write(shipped), FormSchemaJson.Write((await BuilderCopyAsync(name, slug))!));
        Assert.Contains("La dernière version publiée contient toutes les modifications.", System.Net.WebUtility.HtmlDecode(await editor.Client.GetStringAsync($"{Root}/{slug}")), StringComparison.Ordinal);
    }

    /// <summary>The values a browser would post from the page's form: inputs, checked boxes and radios, selected options, textareas.</summary>
    private static List<KeyValuePair<string, string>> FormValues(string html)
    {
        var values = new List<KeyValuePair<string, string>>();
        static string Decode(string value) => System.Net.WebUtility.HtmlDecode(value);
        foreach (System.Text.RegularExpressions.Match input in System.Text.RegularExpressions.Regex.Matches(html, "<input [^>]*>"))
        {
            var tag = input.Value;
            var name = System.Text.RegularExpressions.Regex.Match(tag, "name=\"([^\"]*)\"").Groups[1].Value;
            var value = System.Text.RegularExpressions.Regex.Match(tag, "value=\"([^\"]*)\"").Groups[1].Value;
            var checkable = tag.Contains("type=\"checkbox\"", StringComparison.Ordinal) || tag.Contains("type=\"radio\"", StringComparison.Ordinal);
            // The layout's sign-out form carries the token too: sent once, as a browser sends one form.
            var again = name == "__jeton" && values.Any(v => v.Key == name);
            if (name.Length > 0 && !again && (!checkable || tag.Contains(" checked", StringComparison.Ordinal)))
            {
                values.Add(new(name, Decode(value)));
            }
        }

        foreach (System.Text.RegularExpressions.Match area in System.Text.RegularExpressions.Regex.Matches(html, "<textarea [^>]*name=\"([^\"]*)\"[^>]*>([^<]*)</textarea>"))
        {
            values.Add(new(area.Groups[1].Value, Decode(area.Groups[2].Value)));
        }

        foreach (System.Text.RegularExpressions.Match select in System.Text.RegularExpressions.Regex.Matches(html, "<select [^>]*name=\"([^\"]*)\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var selected = System.Text.RegularExpressions.Regex.Match(select.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
            values.Add(new(select.Groups[1].Value, selected.Success ? Decode(selected.Groups[1].Value) : ""));
        }

        return values;
    }

    private async Task<FormDefinition?> BuilderCopyAsync(string tenant, string slug)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return (await scope.ServiceProvider.GetRequiredService<Municipal.Forms.Builder.FormBuilderStore>().FindAsync(slug, default))?.Copy;
    }

    private async Task<FormDefinition?> LatestEnabledAsync(string tenant, string slug)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<FormStore>().GetLatestEnabledAsync(slug, default);
    }

    private async Task<string> TenantAsync()
    {
        var name = fixture.NewTenantName("fbuild");
        await fixture.CreateTenantAsync(name);
        return name;
    }

    private static FormDefinition Signal() => new()
    {
        Slug = "signaler",
        Title = "Signaler un problème",
        Steps = [new FormStep { Title = "Le problème", Fields = [new TextAreaField { Name = "description", Label = "Description", Required = true }] }],
    };

    private static FormDefinition Expected() => new()
    {
        Slug = "reserver-une-salle-communale",
        Title = "Réserver une salle communale",
        Intro = "Pour vos fêtes et réunions.",
        ConfirmationText = "Nous vous répondons sous cinq jours.",
        AgentRole = "Agent",
        RetentionDays = 730,
        Version = 1,
        Steps =
        [
            new FormStep
            {
                Title = "La salle",
                Fields =
                [
                    new ChoiceField { Name = "salle", Label = "Salle souhaitée", Required = true, Options = [new("grande", "Grande salle"), new("petite-salle", "Petite salle")], Display = ChoiceDisplay.Select },
                    new NumberField { Name = "nombre-de-personnes", Label = "Nombre de personnes", Required = true, Min = 1, Max = 200, WholeNumber = true },
                    new TextAreaField { Name = "materiel-souhaite", Label = "Matériel souhaité", Hint = "Tables, chaises, sono…", MaxLength = 500, Condition = new("salle", "grande") },
                ],
            },
            new FormStep
            {
                Title = "Vos coordonnées",
                Fields =
                [
                    new TextField { Name = "nom", Label = "Nom", Required = true, PersonalData = true, MaxLength = 100, Pattern = "[^0-9]+", PatternMessage = "Le nom ne contient pas de chiffres." },
                    new BooleanField { Name = "vous-representez-une-association", Label = "Vous représentez une association" },
                    new DateField { Name = "date", Label = "Date", Required = true, Min = new DateOnly(2027, 1, 1) },
                    new FileField { Name = "statuts", Label = "Statuts de l'association", MaxFiles = 2, MaxBytes = 5 * 1024 * 1024, AcceptedTypes = ["application/pdf"], Condition = new("vous-representez-une-association", "true") },
                    new MultiChoiceField { Name = "services", Label = "Services", Options = [new("nettoyage", "Nettoyage"), new("bar", "Bar")] },
                ],
            },
        ],
    };
}

public sealed class FormBuilderTestsOnSqlite(SqliteFixture fixture) : FormBuilderTests<SqliteFixture>(fixture);

public sealed class FormBuilderTestsOnPostgres(PostgresFixture fixture) : FormBuilderTests<PostgresFixture>(fixture);
