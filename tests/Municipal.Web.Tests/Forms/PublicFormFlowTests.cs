using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Municipal.Core.Background;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.PublicFormTestForms;

namespace Municipal.Web.Tests.Forms;

/// <summary>A citizen's way through a form at /e-guichet/{slug}, over HTTP. SQLite and PostgreSQL.</summary>
public abstract partial class PublicFormFlowTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Step1 = "/e-guichet/" + Slug + "/etape/1";
    private const string Step2 = "/e-guichet/" + Slug + "/etape/2";
    private const string Summary = "/e-guichet/" + Slug + "/verification";

    [Fact]
    public async Task A_citizen_goes_through_the_steps_and_the_summary_and_gets_a_code_stored_with_a_receipt()
    {
        var name = await TenantWithFormAsync();
        var client = fixture.ClientFor($"{name}.localhost");

        var first = await client.GetAsync("/e-guichet/" + Slug);
        var firstHtml = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("no-store", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"eform-title\">Réserver une salle communale</h1>", firstHtml, StringComparison.Ordinal);
        Assert.Contains("Réservez une salle pour une fête", firstHtml, StringComparison.Ordinal);
        // The summary is a screen of its own: the counter counts it.
        Assert.Contains("Étape 1 sur 3", firstHtml, StringComparison.Ordinal);
        Assert.Contains("<legend class=\"eform-legend\">Salle</legend>", firstHtml, StringComparison.Ordinal);
        Assert.Contains("À remplir seulement si vous avez répondu « Oui » à « Faites-vous appel à un traiteur ? »", firstHtml, StringComparison.Ordinal);

        // Step 2 is not reachable before step 1 is answered.
        var early = await client.GetAsync(Step2);
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Equal(Step1, early.Headers.Location?.OriginalString);

        Assert.Equal(Step2, (await PostAsync(client, Step1, Form(FirstStep()))).Headers.Location?.OriginalString);
        var second = await client.PostAsync(Step2, SecondStep());
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(Summary, second.Headers.Location?.OriginalString);

        var summary = await client.GetStringAsync(Summary);
        Assert.Contains("Vérifiez vos réponses", summary, StringComparison.Ordinal);
        Assert.Contains("<p class=\"eform-progress\">Étape 3 sur 3 : vérification de vos réponses</p>", summary, StringComparison.Ordinal);
        foreach (var answer in new[] { "Grande salle", "15/06/2027", "Marie Dupont", "Rue de Fer 12, 5000 Namur", "plan.pdf" })
        {
            Assert.Contains(answer, summary, StringComparison.Ordinal);
        }

        // The caterer's name was typed, but its condition (a caterer: yes) is not met: it is not kept.
        Assert.DoesNotContain("Chez Paul", summary, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Step1}?retour=verification#f-salle\"", summary, StringComparison.Ordinal);

        var sent = await PostAsync(client, Summary, Form(new() { ["email"] = "marie@exemple.be" }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var confirmationUrl = sent.Headers.Location!.OriginalString;
        var code = ConfirmationCode().Match(confirmationUrl).Groups[1].Value;
        Assert.Equal(code, TrackingCodes.Parse(code));
        var confirmation = await client.GetStringAsync(confirmationUrl);
        Assert.Contains("Demande envoyée", confirmation, StringComparison.Ordinal);
        Assert.Contains($"<strong class=\"eform-code\">{code}</strong>", confirmation, StringComparison.Ordinal);
        Assert.Contains("Le service des salles vous répond sous dix jours ouvrables.", confirmation, StringComparison.Ordinal);
        Assert.Contains($"href=\"/e-guichet/suivi?code={code}\"", confirmation, StringComparison.Ordinal);

        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            var row = await db.Submissions.AsNoTracking().SingleAsync();
            Assert.Equal((code, "marie@exemple.be", Slug), (row.TrackingCode, row.Email, row.FormSlug));
            Assert.DoesNotContain("Chez Paul", row.Values, StringComparison.Ordinal);
            var attachment = await db.Attachments.AsNoTracking().SingleAsync();
            Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(fixture.TenantsFolder, name, attachment.StoredPath)));
            Assert.Empty(await db.Drafts.AsNoTracking().ToListAsync());
        }

        var drafts = Path.Combine(fixture.TenantsFolder, name, "forms", "drafts");
        Assert.Empty(Directory.Exists(drafts) ? Directory.GetFileSystemEntries(drafts) : []);

        // Sending again (a reload of the post, a second click) creates nothing: the draft is gone.
        var again = await PostAsync(client, Summary, Form(new() { ["email"] = "marie@exemple.be" }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/e-guichet/" + Slug, again.Headers.Location?.OriginalString);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.CountAsync());
        }

        await fixture.App.Services.GetRequiredService<JobRunner>().RunDueAsync();
        var receipt = (await MailsAsync(name)).Single(m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal));
        Assert.Equal("marie@exemple.be", receipt.To.Mailboxes.Single().Address);
        // The receipt names the request and links to its follow-up; it never repeats the answers (anyone can type any address).
        Assert.Contains($"http://{name}.localhost/e-guichet/suivi?code={code}", receipt.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Rue de Fer", receipt.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Marie Dupont", receipt.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_with_errors_names_each_field_links_to_its_input_and_keeps_what_was_typed()
    {
        var name = await TenantWithFormAsync();
        var client = fixture.ClientFor($"{name}.localhost");

        var empty = await PostAsync(client, Step1, Form(new() { ["action"] = "next" }));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("<title>Erreur :", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-salle\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-traiteur\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-jour-day\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"f-salle-error\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"f-salle-error\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Salle", Regex.Match(emptyHtml, "id=\"f-salle-error\"[^>]*>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value, StringComparison.Ordinal);

        // A caterer: yes makes its name required; an impossible date is refused; the choices typed are kept.
        var fields = FirstStep(caterer: true);
        fields["traiteurNom"] = "";
        fields["jour.day"] = "31";
        fields["jour.month"] = "2";
        var wrong = await PostAsync(client, Step1, Form(fields));
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("href=\"#f-traiteurNom\"", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-jour-day\"", wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#f-salle\"", wrongHtml, StringComparison.Ordinal);
        Assert.Matches("id=\"f-salle\" name=\"salle\" value=\"grande\" checked", wrongHtml);
        Assert.Matches("id=\"f-traiteur\" name=\"traiteur\" value=\"true\" checked", wrongHtml);
        Assert.Contains("name=\"jour.day\" type=\"text\" inputmode=\"numeric\" value=\"31\"", wrongHtml, StringComparison.Ordinal);

        // Step 2: the address's postal code is named on its own input, and the valid file is kept for the next try.
        await PostAsync(client, Step1, Form(FirstStep()));
        var second = SecondStep(postalCode: "12345");
        var bad = await client.PostAsync(Step2, second);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("href=\"#f-adresse-postalCode\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"f-adresse-postalCode-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("plan.pdf", badHtml, StringComparison.Ordinal);
        var fixedStep = await client.PostAsync(Step2, SecondStep(withFile: false));
        Assert.Equal(Summary, fixedStep.Headers.Location?.OriginalString);
        Assert.Contains("plan.pdf", await client.GetStringAsync(Summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_saved_for_later_is_resumed_from_the_mailed_link_in_another_browser()
    {
        var name = await TenantWithFormAsync();
        var client = fixture.ClientFor($"{name}.localhost");
        await PostAsync(client, Step1, Form(FirstStep()));

        var saved = await client.PostAsync(Step2, SecondStep(action: "save"));
        Assert.Equal("/e-guichet/" + Slug + "/enregistrer", saved.Headers.Location?.OriginalString);
        Assert.Contains("Recevoir le lien", await client.GetStringAsync(saved.Headers.Location), StringComparison.Ordinal);
        var badEmail = await PostAsync(client, "/e-guichet/" + Slug + "/enregistrer", Form(new() { ["email"] = "pas une adresse" }));
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.Contains("href=\"#f-email\"", await badEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sent = await PostAsync(client, "/e-guichet/" + Slug + "/enregistrer", Form(new() { ["email"] = "marie@exemple.be" }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("a été envoyé à marie@exemple.be", await client.GetStringAsync(sent.Headers.Location), StringComparison.Ordinal);

        await fixture.App.Services.GetRequiredService<JobRunner>().RunDueAsync();
        var mail = (await MailsAsync(name)).Single(m => (m.Subject ?? "").Contains("Reprendre", StringComparison.Ordinal));
        var link = new Uri(ResumeLink().Match(mail.TextBody ?? "").Value);

        var other = fixture.ClientFor($"{name}.localhost");
        var resumed = await other.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        Assert.Equal(Step2, resumed.Headers.Location?.OriginalString);
        var cookie = Assert.Single(resumed.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"path=/e-guichet/{Slug}", cookie, StringComparison.OrdinalIgnoreCase);
        var step2 = await other.GetStringAsync(Step2);
        Assert.Contains("value=\"Marie Dupont\"", step2, StringComparison.Ordinal);
        Assert.Contains("plan.pdf", step2, StringComparison.Ordinal);

        var unknown = await fixture.ClientFor($"{name}.localhost").GetAsync($"/e-guichet/{Slug}/reprendre?jeton=inconnu");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Ce lien n'est plus valable", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The draft's id is the token's hash: the token itself is stored nowhere.
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var draft = await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Drafts.AsNoTracking().SingleAsync();
        var token = Uri.UnescapeDataString(link.Query.Split("jeton=")[1]);
        Assert.NotEqual(token, draft.Id);
        Assert.Equal(Municipal.Forms.PublicFlow.FormDrafts.Hash(token), draft.Id);
        // Thirty days from the last save, on the hosts' clock (which no step of this test moves).
        Assert.Equal(fixture.Clock.GetUtcNow().AddDays(30), draft.ExpiresUtc);
    }

    [Fact]
    public async Task Unknown_disabled_other_tenants_forms_and_a_tenant_without_the_e_counter_answer_404()
    {
        var name = await TenantWithFormAsync();
        var other = fixture.NewTenantName("eg");
        await fixture.CreateTenantAsync(other);
        var without = fixture.NewTenantName("eg");
        await fixture.CreateTenantAsync(without, RecipeFiles.Write(fixture, """{"name": "p", "steps": [{"step": "features", "enable": ["pages"]}]}"""));
        await SaveAsync(fixture, without);

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor($"{name}.localhost").GetAsync("/e-guichet/inconnu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor($"{other}.localhost").GetAsync("/e-guichet/" + Slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor($"{other}.localhost").PostAsync(Step1, Form(FirstStep()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor($"{without}.localhost").GetAsync("/e-guichet/" + Slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor($"{name}.localhost").GetAsync(Step1.Replace("/1", "/3", StringComparison.Ordinal))).StatusCode);

        var client = fixture.ClientFor($"{name}.localhost");
        await PostAsync(client, Step1, Form(FirstStep()));
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<FormStore>().SetEnabledAsync(Slug, false, default);
        }

        var disabled = await client.GetAsync("/e-guichet/" + Slug);
        Assert.Equal(HttpStatusCode.NotFound, disabled.StatusCode);
        Assert.Contains("<html lang=\"fr\">", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(Step2, SecondStep())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, Summary, Form(new() { ["email"] = "marie@exemple.be" }))).StatusCode);
    }

    [Fact]
    public async Task Hostile_posts_get_a_french_4xx_or_an_error_summary_never_a_500()
    {
        var name = await TenantWithFormAsync();
        var client = fixture.ClientFor($"{name}.localhost");
        var huge = new string('x', 200_000);
        var posts = new HttpContent[]
        {
            Form(new() { ["salle"] = "<script>alert(1)</script>", ["traiteur"] = "peut-être", ["jour.day"] = "-1", ["jour.month"] = "99", ["jour.year"] = "99999" }),
            Form(new() { ["salle"] = huge, ["traiteurNom"] = huge, ["jour.day"] = huge }),
            Form(new() { ["salle.street"] = "x", ["inconnu"] = "y", ["jour"] = "2027-06-15" }),
            new StringContent("{\"salle\":\"grande\"}", System.Text.Encoding.UTF8, "application/json"),
            new StringContent("--broken\r\nContent-Disposition: form-data; name=\"salle\"\r\n\r\ngrande", System.Text.Encoding.UTF8, "multipart/form-data"),
        };
        foreach (var content in posts)
        {
            // 400, not any 3xx or 4xx: a redirect would mean the step was accepted and the citizen sent on.
            var response = await client.PostAsync(Step1, content);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        }

        // Nothing hostile was kept: no draft went past the first step or holds what was posted.
        await using (var hostile = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            foreach (var kept in await hostile.ServiceProvider.GetRequiredService<FormsDbContext>().Drafts.AsNoTracking().ToListAsync())
            {
                Assert.Equal(0, kept.Step);
                foreach (var posted in new[] { "script", "xxxxxxxx", "peut-être", "inconnu", "street", "grande", "2027" })
                {
                    Assert.DoesNotContain(posted, kept.Values, StringComparison.Ordinal);
                }
            }
        }

        await PostAsync(client, Step1, Form(FirstStep()));
        var liar = new MultipartFormDataContent { { new StringContent("Marie"), "nom" } };
        var program = new ByteArrayContent("MZ\x90\0 pas un PDF"u8.ToArray());
        program.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        liar.Add(program, "plan", "plan.pdf");
        var lied = await client.PostAsync(Step2, liar);
        Assert.Equal(HttpStatusCode.BadRequest, lied.StatusCode);
        Assert.Contains("href=\"#f-plan\"", await lied.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A post from another site is refused, and nothing is stored.
        var forged = new HttpRequestMessage(HttpMethod.Post, Summary) { Content = Form(new() { ["email"] = "marie@exemple.be" }) };
        forged.Headers.Add("Origin", "https://attaquant.example");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task A_procedure_page_carries_the_first_step_which_posts_to_the_form()
    {
        var name = await TenantWithFormAsync();
        await PublishProcedureAsync(fixture, name);
        var client = fixture.ClientFor($"{name}.localhost");

        var page = await client.GetStringAsync("/demarches/salle");
        Assert.Single(Regex.Matches(page, "<h1"));
        Assert.Contains("<h2 class=\"eform-title\">Réserver une salle communale</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"{Step1}\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"jour.day\"", page, StringComparison.Ordinal);

        var posted = await PostAsync(client, Step1, Form(FirstStep()));
        Assert.Equal(Step2, posted.Headers.Location?.OriginalString);

        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<FormStore>().SetEnabledAsync(Slug, false, default);
        }

        // A disabled form leaves the procedure page as it was, without the form (the page's cache is bypassed here).
        var request = new HttpRequestMessage(HttpMethod.Get, "/demarches/salle?apres");
        var after = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("eform-title", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_procedure_editor_offers_the_tenants_forms_and_keeps_the_choice()
    {
        var name = await TenantWithFormAsync();
        var id = await PublishProcedureAsync(fixture, name);
        var editor = await AdminSession.SignInAsync(fixture, name, Municipal.Core.Security.TenantRoles.Editor);
        var edit = Municipal.Admin.ContentAdminRoutes.Edit(id);

        var page = await editor.Client.GetStringAsync(edit);
        Assert.Contains("<label for=\"form\">Formulaire en ligne (e-guichet)", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{Slug}\" selected>Réserver une salle communale</option>", page, StringComparison.Ordinal);

        // Saving other changes keeps the form; choosing "none" removes it from the page.
        Assert.Equal(HttpStatusCode.Redirect, (await Admin.ContentForm.SubmitAsync(editor, edit, edit, new() { ["summary"] = "Trois salles.", ["action"] = "publish" })).StatusCode);
        Assert.Contains("eform-title", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/demarches/salle?apres-edition"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Admin.ContentForm.SubmitAsync(editor, edit, edit, new() { ["form"] = "", ["action"] = "publish" })).StatusCode);
        Assert.Contains("<option value=\"\" selected>Aucun formulaire</option>", await editor.Client.GetStringAsync(edit), StringComparison.Ordinal);
        Assert.DoesNotContain("eform-title", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/demarches/salle?sans-formulaire"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_that_requires_signing_in_sends_to_the_sign_in_page_and_its_procedure_page_offers_a_link()
    {
        var name = fixture.NewTenantName("eg");
        await fixture.CreateTenantAsync(name);
        await SaveAsync(fixture, name, Booking() with { LoginRequired = true });
        await PublishProcedureAsync(fixture, name);
        var client = fixture.ClientFor($"{name}.localhost");

        var start = await client.GetAsync("/e-guichet/" + Slug);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/e-guichet/connexion?retour=", start.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(Step1, Form(FirstStep()))).StatusCode);
        var procedure = await client.GetStringAsync("/demarches/salle");
        Assert.Contains($"href=\"/e-guichet/{Slug}\"", procedure, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"salle\"", procedure, StringComparison.Ordinal);
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Drafts.AsNoTracking().ToListAsync());
    }

    private async Task<string> TenantWithFormAsync()
    {
        var name = fixture.NewTenantName("eg");
        await fixture.CreateTenantAsync(name);
        await SaveAsync(fixture, name);
        return name;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, HttpContent content) => client.PostAsync(path, content);

    private async Task<List<MimeMessage>> MailsAsync(string tenant)
    {
        var folder = Path.Combine(fixture.TenantsFolder, tenant, "mail");
        var mails = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
        {
            mails.Add(await MimeMessage.LoadAsync(file));
        }

        return mails;
    }

    [GeneratedRegex(@"code=(EG-[A-Z0-9-]+)")]
    private static partial Regex ConfirmationCode();

    [GeneratedRegex(@"https?://\S+/reprendre\?jeton=\S+")]
    private static partial Regex ResumeLink();
}

public sealed class PublicFormFlowTestsOnSqlite(SqliteFixture fixture) : PublicFormFlowTests<SqliteFixture>(fixture);

public sealed class PublicFormFlowTestsOnPostgres(PostgresFixture fixture) : PublicFormFlowTests<PostgresFixture>(fixture);
