using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// Every field type fed wrong, empty, huge and hostile values through the API: a 400 problem detail naming the
/// field, never a 500, never a stored request. Bodies that are not JSON, too deep, too big or of another type too.
/// </summary>
public abstract class FormsApiBadInputTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private static readonly string Huge = new('x', 30_000);

    /// <summary>(field, raw JSON value; null removes the answer).</summary>
    private static readonly (string Field, string? Value)[] Cases =
    [
        ("nom", null), ("nom", "\"\""), ("nom", "123"), ("nom", $"\"{new string('x', 101)}\""), ("nom", $"\"{Huge}\""), ("nom", "\"a\\u0000b\""), ("nom", "{\"$ne\": 1}"), ("nom", "[]"),
        ("motif", "\"\""), ("motif", "5"), ("motif", $"\"{new string('y', 2001)}\""), ("motif", "\"a\\u0007b\""),
        ("courriel", "\"\""), ("courriel", "\"pas-un-courriel\""), ("courriel", "\"a@b\""), ("courriel", $"\"{Huge}@exemple.be\""), ("courriel", "12"),
        ("telephone", "\"\""), ("telephone", "\"abc\""), ("telephone", "\"123\""), ("telephone", $"\"+{new string('9', 30)}\""), ("telephone", "true"),
        ("personnes", "\"\""), ("personnes", "\"abc\""), ("personnes", "0"), ("personnes", "11"), ("personnes", "2.5"), ("personnes", "1e400"), ("personnes", "true"), ("personnes", $"\"{new string('9', 50)}\""),
        ("jour", "\"\""), ("jour", "\"2027-13-01\""), ("jour", "\"12/06/2027\""), ("jour", "\"0000-00-00\""), ("jour", "20270612"),
        ("nrn", "\"\""), ("nrn", "\"85.07.14-123.31\""), ("nrn", "\"abc\""), ("nrn", $"\"{new string('1', 200)}\""), ("nrn", "85071412330"),
        ("iban", "\"\""), ("iban", "\"BE68 5390 0754 7035\""), ("iban", "\"XX\""), ("iban", "123"),
        ("salle", "\"\""), ("salle", "\"moyenne\""), ("salle", "[\"grande\"]"), ("salle", "1"),
        ("materiel", "[]"), ("materiel", "[\"chaises\", \"pirate\"]"), ("materiel", "\"chaises\""), ("materiel", "[1]"), ("materiel", "[" + string.Join(",", Enumerable.Repeat("\"chaises\"", 200)) + "]"),
        ("cuisine", null), ("cuisine", "\"oui\""), ("cuisine", "1"),
        ("adresse", null), ("adresse", "{}"), ("adresse", "{\"street\": \"Rue de Fer\"}"), ("adresse", "\"Rue de Fer 12, 5000 Namur\""),
        ("adresse", "{\"street\": 1, \"number\": \"12\", \"postalCode\": \"5000\", \"locality\": \"Namur\"}"),
        ("adresse", "{\"street\": \"Rue de Fer\", \"number\": \"12\", \"postalCode\": \"ABCD\", \"locality\": \"Namur\"}"),
        ("adresse", "{\"street\": \"Rue de Fer\", \"number\": \"12\", \"postalCode\": \"5000\", \"locality\": \"Namur\", \"pays\": \"BE\"}"),
        ("adresse", $"{{\"street\": \"{Huge}\", \"number\": \"12\", \"postalCode\": \"5000\", \"locality\": \"Namur\"}}"),
        ("piece", null), ("piece", "[]"), ("piece", "\"plan.pdf\""), ("piece", "[{\"name\": \"plan.pdf\"}]"),
        ("piece", "[{\"name\": \"plan.pdf\", \"contentType\": \"application/pdf\", \"base64\": \"!!pas du base64!!\"}]"),
        ("piece", $"[{{\"name\": \"plan.pdf\", \"contentType\": \"application/pdf\", \"base64\": \"{Convert.ToBase64String(new byte[2000])}\"}}]"),
        ("piece", $"[{{\"name\": \"plan.pdf\", \"contentType\": \"application/pdf\", \"base64\": \"{Convert.ToBase64String(Encoding.ASCII.GetBytes("MZ\u0090 pas un pdf"))}\"}}]"),
        ("piece", $"[{{\"name\": \"photo.png\", \"contentType\": \"image/png\", \"base64\": \"{Convert.ToBase64String(ApiTestForms.Pdf)}\"}}]"),
        ("piece", $"[{{\"name\": \"a.pdf\", \"contentType\": \"application/pdf\", \"base64\": \"{Convert.ToBase64String(ApiTestForms.Pdf)}\"}}, {{\"name\": \"b.pdf\", \"contentType\": \"application/pdf\", \"base64\": \"{Convert.ToBase64String(ApiTestForms.Pdf)}\"}}]"),
        ("accord", "false"), ("accord", null), ("accord", "\"true\""),
        ("aide", "\"une valeur\""),
    ];

    [Fact]
    public async Task Each_faulty_field_of_every_type_is_named_in_a_400_problem_detail_and_nothing_is_stored()
    {
        var name = await ApiTestForms.TenantWithFormAsync(fixture, "api-bad");
        var client = fixture.ClientFor($"{name}.localhost");
        var failures = new List<string>();
        foreach (var (field, value) in Cases)
        {
            var values = ApiTestForms.ValidValues();
            values.Remove(field);
            if (value is not null)
            {
                values[field] = JsonNode.Parse(value);
            }

            var response = await ApiTestForms.PostAsync(client, "tout", ApiTestForms.Body(values: values).ToJsonString());
            var errors = await ErrorsAsync(response);
            // A part of a compound field is named "field.part" (adresse.postalCode).
            var messages = errors?.Where(e => e.Key == field || e.Key.StartsWith(field + ".", StringComparison.Ordinal)).SelectMany(e => e.Value).ToList() ?? [];
            if (response.StatusCode != HttpStatusCode.BadRequest || messages.Count == 0 || messages.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{field} = {Shorten(value)}: {(int)response.StatusCode} {Shorten(string.Join(" | ", errors?.Keys.ToArray() ?? []))}");
            }
        }

        Assert.Empty(failures);
        await AssertNothingStoredAsync(name);
    }

    [Fact]
    public async Task A_missing_or_bad_email_and_an_unknown_field_name_are_named_too()
    {
        var name = await ApiTestForms.TenantWithFormAsync(fixture, "api-names");
        var client = fixture.ClientFor($"{name}.localhost");

        var noEmail = ApiTestForms.Body();
        noEmail.Remove("email");
        Assert.Contains("email", (await ErrorsAsync(await ApiTestForms.PostAsync(client, "tout", noEmail.ToJsonString())))!.Keys);
        Assert.Contains("email", (await ErrorsAsync(await ApiTestForms.PostAsync(client, "tout", ApiTestForms.Body(email: "pas-une-adresse").ToJsonString())))!.Keys);

        var values = ApiTestForms.ValidValues();
        values["prenom_inconnu"] = "Marie";
        var response = await ApiTestForms.PostAsync(client, "tout", ApiTestForms.Body(values: values).ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("prenom_inconnu", Assert.Single(errors!["values"]), StringComparison.Ordinal);

        var noValues = new JsonObject { ["email"] = "marie@exemple.be" };
        Assert.Contains("values", (await ErrorsAsync(await ApiTestForms.PostAsync(client, "tout", noValues.ToJsonString())))!.Keys);
        await AssertNothingStoredAsync(name);
    }

    [Fact]
    public async Task Bodies_that_are_not_json_too_deep_too_big_or_of_another_type_are_refused_without_a_500()
    {
        var name = await ApiTestForms.TenantWithFormAsync(fixture, "api-hostile");
        var client = fixture.ClientFor($"{name}.localhost");

        var failures = new List<string>();
        foreach (var body in new[] { "", "{", "[]", "42", "null", "{\"email\": \"marie@exemple.be\", \"values\": " + new string('[', 5000) + new string(']', 5000) + "}", "{\"email\": \"marie@exemple.be\", \"values\": {\"nom\": \"\\uD800\"}}" })
        {
            var response = await ApiTestForms.PostAsync(client, "tout", body);
            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{Shorten(body)}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);

        var invalidUtf8 = new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]);
        invalidUtf8.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/forms/tout/submissions", invalidUtf8)).StatusCode);

        var valid = ApiTestForms.Body().ToJsonString();
        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/html" })
        {
            var response = await ApiTestForms.PostAsync(client, "tout", valid, type);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Contains("JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Larger than every file of the form at its largest plus room for the rest: with a length, and chunked.
        var big = ApiTestForms.Body(values: new JsonObject { ["motif"] = new string('z', 3 * 1024 * 1024) }).ToJsonString();
        var declared = await ApiTestForms.PostAsync(client, "tout", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("application/problem+json", declared.Content.Headers.ContentType?.MediaType);
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/tout/submissions") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.SendAsync(request)).StatusCode);

        await AssertNothingStoredAsync(name);
    }

    private static async Task<Dictionary<string, List<string>>?> ErrorsAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToList())
            : null;
    }

    private async Task AssertNothingStoredAsync(string name)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.CountAsync());
        Assert.False(Directory.Exists(Path.Combine(fixture.TenantsFolder, name, SubmissionStore.AttachmentsFolder)) && Directory.EnumerateFileSystemEntries(Path.Combine(fixture.TenantsFolder, name, SubmissionStore.AttachmentsFolder)).Any());
    }

    private static string Shorten(string? text) => text is null ? "(absent)" : text.Length > 60 ? text[..60] + "…" : text;
}

public sealed class FormsApiBadInputTestsOnSqlite(SqliteFixture fixture) : FormsApiBadInputTests<SqliteFixture>(fixture);

public sealed class FormsApiBadInputTestsOnPostgres(PostgresFixture fixture) : FormsApiBadInputTests<PostgresFixture>(fixture);
