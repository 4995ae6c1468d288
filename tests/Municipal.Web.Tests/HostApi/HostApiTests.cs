using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.HostApi;

/// <summary>The operator's HTTP API at /api/host/tenants. Runs on SQLite and on PostgreSQL.</summary>
public abstract class HostApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private HttpClient Api(string? key = StorageFixture.ApiKey)
    {
        var client = fixture.ClientFor("operator.localhost");
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_the_right_key_the_api_answers_401_problem_details(string? key)
    {
        var response = await Api(key).GetAsync("/api/host/tenants");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_configured_key_the_api_does_not_exist()
    {
        await using var app = fixture.StartApp(new Dictionary<string, string?> { ["Municipal:HostApiKey"] = string.Empty });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", string.Empty);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/host/tenants")).StatusCode);
    }

    [Fact]
    public async Task A_key_short_enough_to_guess_stops_the_host_at_start_with_a_clear_message()
    {
        await using var app = fixture.StartApp(new Dictionary<string, string?> { ["Municipal:HostApiKey"] = "secret-2024" });

        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () => await app.CreateClient().GetAsync("/api/host/tenants"));
        Assert.Contains("Municipal:HostApiKey est trop courte : il faut au moins 32 caractères", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_creates_disables_enables_and_deletes_a_tenant()
    {
        var name = fixture.NewTenantName("api");
        var api = Api();

        var created = await api.PostAsJsonAsync("/api/host/tenants", new
        {
            name,
            displayName = "Commune par API",
            hosts = new[] { $"{name}.localhost" },
            recipe = "municipality",
            adminEmail = $"admin@{name}.localhost",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(20, body.GetProperty("generatedPassword").GetString()!.Length);
        Assert.Equal("Running", body.GetProperty("tenant").GetProperty("state").GetString());

        var site = fixture.ClientFor($"{name}.localhost");
        Assert.Contains("Commune par API", await site.GetStringAsync("/"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/host/tenants/{name}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await site.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/host/tenants/{name}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.GetAsync("/")).StatusCode);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/host/tenants");
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("name").GetString() == name);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/host/tenants/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/host/tenants/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Mistakes_are_answered_with_problem_details_and_the_reason()
    {
        var name = fixture.NewTenantName("apimistake");
        var api = Api();
        var valid = new { name, displayName = "X", hosts = new[] { $"{name}.localhost" }, recipe = "municipality", adminEmail = "a@b.be" };
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/host/tenants", valid)).StatusCode);

        await AssertProblemAsync(await api.PostAsJsonAsync("/api/host/tenants", valid), HttpStatusCode.Conflict, "existe déjà");
        await AssertProblemAsync(await api.PostAsJsonAsync("/api/host/tenants", valid with { name = "../x" }), HttpStatusCode.BadRequest, "slug");
        await AssertProblemAsync(await api.PostAsJsonAsync("/api/host/tenants", valid with { name = name + "-r", hosts = new[] { $"{name}-r.localhost" }, recipe = "../../etc/passwd" }), HttpStatusCode.UnprocessableEntity, "nom de recette");
        await AssertProblemAsync(await api.GetAsync("/api/host/tenants/nobody"), HttpStatusCode.NotFound, "nobody");
        await AssertProblemAsync(await api.PostAsync("/api/host/tenants/nobody/disable", null), HttpStatusCode.NotFound, "nobody");

        var malformed = await api.PostAsync("/api/host/tenants", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(fixture.TenantsFolder, name + "-r")));
    }

    [Fact]
    public async Task A_recipe_is_rolled_out_to_all_tenants_and_each_run_is_listed()
    {
        var first = fixture.NewTenantName("all");
        var second = fixture.NewTenantName("all");
        await fixture.CreateTenantAsync(first);
        await fixture.CreateTenantAsync(second);

        var response = await Api().PostAsJsonAsync("/api/host/tenants/apply-recipe", new { recipe = "municipality" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(results.EnumerateArray(), r => r.GetProperty("tenant").GetString() == first && r.GetProperty("succeeded").GetBoolean());
        Assert.Contains(results.EnumerateArray(), r => r.GetProperty("tenant").GetString() == second && r.GetProperty("succeeded").GetBoolean());
        var runs = await Api().GetFromJsonAsync<JsonElement>($"/api/host/tenants/{second}/recipe-runs");
        Assert.Equal(2, runs.GetArrayLength());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

public sealed class HostApiTestsOnSqlite(SqliteFixture fixture) : HostApiTests<SqliteFixture>(fixture);

public sealed class HostApiTestsOnPostgres(PostgresFixture fixture) : HostApiTests<PostgresFixture>(fixture);
