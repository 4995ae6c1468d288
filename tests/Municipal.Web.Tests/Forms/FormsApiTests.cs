using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Background;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>The e-counter's JSON API: list, schema, submissions, status, limits. SQLite and PostgreSQL.</summary>
public abstract class FormsApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task The_list_and_the_schema_have_the_shape_of_the_issue_and_leave_out_disabled_forms()
    {
        var name = await ApiTestForms.TenantWithFormAsync(fixture, "api-list", ApiTestForms.EveryType(), ApiTestForms.EveryType("ferme") with { Title = "Fermé" });
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<FormStore>().SetEnabledAsync("ferme", false, default);
        }

        var client = fixture.ClientFor($"{name}.localhost");
        var list = await client.GetAsync("/api/forms");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("application/json", list.Content.Headers.ContentType?.MediaType);
        using var listed = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var forms = listed.RootElement.EnumerateArray().ToList();
        Assert.All(forms, f => Assert.Equal(["slug", "title", "version"], f.EnumerateObject().Select(p => p.Name)));

        // The three forms the municipality recipe ships, and ours; not the disabled one.
        Assert.Equal(
            ["certificat-de-residence", "proposer-un-evenement", "reserver-une-salle", "signaler-un-probleme", "tout"],
            forms.Select(f => f.GetProperty("slug").GetString()).Order(StringComparer.Ordinal));
        var form = forms.Single(f => f.GetProperty("slug").GetString() == "tout");
        Assert.Equal(("tout", "Formulaire complet", 1), (form.GetProperty("slug").GetString(), form.GetProperty("title").GetString(), form.GetProperty("version").GetInt32()));

        var schema = await client.GetAsync("/api/forms/tout");
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        using var read = JsonDocument.Parse(await schema.Content.ReadAsStringAsync());
        var root = read.RootElement;
        Assert.Equal(("tout", "Formulaire complet", 1), (root.GetProperty("slug").GetString(), root.GetProperty("title").GetString(), root.GetProperty("version").GetInt32()));
        Assert.False(root.TryGetProperty("agentRole", out _));
        var steps = root.GetProperty("steps");
        Assert.Equal(["Vous", "La demande"], steps.EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        var fields = steps.EnumerateArray().SelectMany(s => s.GetProperty("fields").EnumerateArray()).ToList();
        Assert.Equal(
            ["info", "text", "textarea", "email", "phone", "number", "date", "nrn", "iban", "choice", "multichoice", "boolean", "text", "address", "file", "consent"],
            fields.Select(f => f.GetProperty("type").GetString()));
        var motif = fields.Single(f => f.GetProperty("name").GetString() == "motif");
        Assert.Equal(("Motif", "Quelques mots", true), (motif.GetProperty("label").GetString(), motif.GetProperty("hint").GetString(), motif.GetProperty("required").GetBoolean()));
        var salle = fields.Single(f => f.GetProperty("name").GetString() == "salle");
        Assert.Equal([("grande", "Grande salle"), ("petite", "Petite salle")], salle.GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("value").GetString(), o.GetProperty("label").GetString())));
        var condition = fields.Single(f => f.GetProperty("name").GetString() == "traiteur").GetProperty("condition");
        Assert.Equal(("salle", "grande"), (condition.GetProperty("field").GetString(), condition.GetProperty("equals").GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/forms/ferme")).StatusCode);
        var unknown = await client.GetAsync("/api/forms/inconnu");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Formulaire introuvable", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_submission_is_201_with_its_code_and_status_and_is_stored_with_its_file()
    {
        var name = await ApiTestForms.TenantWithFormAsync(fixture, "api-post");
        var client = fixture.ClientFor($"{name}.localhost");
        var response = await ApiTestForms.PostAsync(client, "tout", ApiTestForms.Body().ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["trackingCode", "status"], body.RootElement.EnumerateObject().Select(p => p.Name));
        var code = body.RootElement.GetProperty("trackingCode").GetString()!;
        Assert.Equal("received", body.RootElement.GetProperty("status").GetString());
        Assert.Equal($"/api/submissions/{code}", response.Headers.Location?.OriginalString);

        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            var row = await db.Submissions.AsNoTracking().SingleAsync(s => s.TrackingCode == code);
            Assert.Equal((SubmissionStatus.Received, "tout", "marie@exemple.be"), (row.Status, row.FormSlug, row.Email));
            var file = await db.Attachments.AsNoTracking().SingleAsync(a => a.SubmissionId == row.Id);
            Assert.Equal(ApiTestForms.Pdf, await File.ReadAllBytesAsync(Path.Combine(fixture.TenantsFolder, name, file.StoredPath)));
        }

        var status = await client.GetAsync($"/api/submissions/{code}?email=MARIE%40exemple.be");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        using var statusBody = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
        Assert.Equal(["trackingCode", "status", "form", "updated"], statusBody.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal((code, "received", "tout"), (statusBody.RootElement.GetProperty("trackingCode").GetString(), statusBody.RootElement.GetProperty("status").GetString(), statusBody.RootElement.GetProperty("form").GetString()));
    }

    [Fact]
    public async Task A_wrong_email_gets_exactly_the_answer_of_an_unknown_code()
    {
        var name = await ApiTestForms.TenantWithFormAsync(fixture, "api-status");
        var client = fixture.ClientFor($"{name}.localhost");
        var created = await ApiTestForms.PostAsync(client, "tout", ApiTestForms.Body().ToJsonString());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var code = body.RootElement.GetProperty("trackingCode").GetString()!;

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var url in new[]
        {
            $"/api/submissions/{code}?email=pierre%40exemple.be",
            $"/api/submissions/{code}",
            $"/api/submissions/{Municipal.Forms.Storage.TrackingCodes.New()}?email=marie%40exemple.be",
            "/api/submissions/EG-XXXX?email=marie%40exemple.be",
        })
        {
            var response = await client.GetAsync(url);
            // The trace id differs per request by design; everything else must be the same.
            var answer = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            answer.Remove("traceId");
            answers.Add((response.StatusCode, answer.ToJsonString()));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(HttpStatusCode.NotFound, answers[0].Item1);
        Assert.Contains("Demande introuvable", answers[0].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_form_a_disabled_form_and_a_tenant_without_the_feature_answer_404_and_a_sign_in_form_403()
    {
        var owner = await ApiTestForms.TenantWithFormAsync(fixture, "api-owner", ApiTestForms.EveryType("proprement-a-moi"));
        var other = await ApiTestForms.TenantWithFormAsync(fixture, "api-other", ApiTestForms.EveryType("ferme"), ApiTestForms.EveryType("identifie") with { LoginRequired = true });
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, other))
        {
            await scope.ServiceProvider.GetRequiredService<FormStore>().SetEnabledAsync("ferme", false, default);
        }

        var client = fixture.ClientFor($"{other}.localhost");
        var foreign = await ApiTestForms.PostAsync(client, "proprement-a-moi", ApiTestForms.Body().ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiTestForms.PostAsync(client, "ferme", ApiTestForms.Body().ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/forms/proprement-a-moi")).StatusCode);

        // A form that requires the citizen's sign-in is filled on the site only.
        var signIn = await ApiTestForms.PostAsync(client, "identifie", ApiTestForms.Body().ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Contains("Identification requise", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bare = fixture.NewTenantName("api-nofeature");
        await fixture.CreateTenantAsync(bare, recipe: RecipeFiles.Write(fixture, """{"name": "p", "steps": [{"step": "features", "enable": ["pages"]}]}"""));
        var without = fixture.ClientFor($"{bare}.localhost");
        Assert.Equal(HttpStatusCode.NotFound, (await without.GetAsync("/api/forms")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiTestForms.PostAsync(without, "tout", ApiTestForms.Body().ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await without.GetAsync("/e-guichet/suivi")).StatusCode);

        await using var ownerScope = await StorageFixture.TenantScopeAsync(fixture.App.Services, owner);
        Assert.Empty(await ownerScope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.ToListAsync());
    }

    [Fact]
    public async Task The_receipt_lands_as_an_eml_file_once_the_jobs_have_run()
    {
        var name = await ApiTestForms.TenantWithFormAsync(fixture, "api-receipt");
        var client = fixture.ClientFor($"{name}.localhost");
        var created = await ApiTestForms.PostAsync(client, "tout", ApiTestForms.Body(email: "receipt@exemple.be").ToJsonString());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var code = body.RootElement.GetProperty("trackingCode").GetString()!;

        await fixture.App.Services.GetRequiredService<JobRunner>().RunDueAsync();

        var folder = Path.Combine(fixture.TenantsFolder, name, "mail");
        var mails = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];
        var receipt = Assert.Single(mails.Select(File.ReadAllText), m => m.Contains(code, StringComparison.Ordinal));
        Assert.Contains("receipt@exemple.be", receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beyond_the_limit_per_ip_the_api_answers_429_with_retry_after_and_other_tenants_are_not_affected()
    {
        await using var app = fixture.StartApp(new Dictionary<string, string?> { ["Municipal:SubmissionsPerMinutePerIp"] = "3" });
        var name = await ApiTestForms.TenantWithFormAsync(fixture, app, "api-limit");
        var other = await ApiTestForms.TenantWithFormAsync(fixture, app, "api-limit-other");
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{name}.localhost/") });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await ApiTestForms.PostAsync(client, "tout", ApiTestForms.Body().ToJsonString())).StatusCode);
        }

        var refused = await ApiTestForms.PostAsync(client, "tout", ApiTestForms.Body().ToJsonString());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Trop de demandes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var elsewhere = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{other}.localhost/") });
        Assert.Equal(HttpStatusCode.Created, (await ApiTestForms.PostAsync(elsewhere, "tout", ApiTestForms.Body().ToJsonString())).StatusCode);

        await using var scope = await StorageFixture.TenantScopeAsync(app.Services, name);
        Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.CountAsync());
    }
}

public sealed class FormsApiTestsOnSqlite(SqliteFixture fixture) : FormsApiTests<SqliteFixture>(fixture);

public sealed class FormsApiTestsOnPostgres(PostgresFixture fixture) : FormsApiTests<PostgresFixture>(fixture);
