using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Forms;
using Municipal.Forms.Model;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.PublicClients;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// Every public post of the e-counter spends from one budget per tenant and client: beyond it, a French 429 page with
/// Retry-After, while other clients go on; a citizen filling a long form with the default budget never meets it. SQLite and PostgreSQL.
/// </summary>
public abstract class PublicWriteBudgetTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Slug = "six-etapes";

    [Fact]
    public async Task Beyond_the_budget_every_public_post_of_that_client_gets_a_French_429_page_and_another_client_goes_on()
    {
        await using var app = StartBehindProxy(fixture, new() { ["Municipal:PublicWritesPerMinutePerIp"] = "4" });
        var name = await ApiTestForms.TenantWithFormAsync(fixture, app, "budget", SixSteps());
        var citizen = From(app, name, "203.0.113.10");

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(citizen, 1)).StatusCode);
        }

        var refused = await StepAsync(citizen, 1);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Trop d'envois depuis votre connexion en peu de temps", html, StringComparison.Ordinal);
        Assert.Contains("<title>Trop de demandes", html, StringComparison.Ordinal);

        // The same budget covers saving for later, answering on the follow-up page and the citizen sign-in.
        foreach (var path in new[] { $"/e-guichet/{Slug}/enregistrer", "/e-guichet/suivi/reponse", "/e-guichet/connexion/simulation" })
        {
            var post = await citizen.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "marie@exemple.be" }));
            Assert.Equal(HttpStatusCode.TooManyRequests, post.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(From(app, name, "198.51.100.20"), 1)).StatusCode);
    }

    [Fact]
    public async Task A_citizen_filling_a_six_step_form_with_a_mistake_and_a_pause_never_meets_the_default_budget()
    {
        var budget = new FormsOptions().PublicWritesPerMinutePerIp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var app = StartBehindProxy(fixture, new() { ["Municipal:PublicWritesPerMinutePerIp"] = budget });
        var name = await ApiTestForms.TenantWithFormAsync(fixture, app, "budget-normal", SixSteps());
        var citizen = From(app, name, "203.0.113.10");

        // A forgotten answer, then the right one, on every step; a pause to save after the third.
        for (var step = 1; step <= 6; step++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(citizen, step, answer: "")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(citizen, step, action: step == 3 ? "save" : "next")).StatusCode);
            if (step == 3)
            {
                var saved = await citizen.PostAsync($"/e-guichet/{Slug}/enregistrer", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "marie@exemple.be" }));
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
                Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(citizen, step)).StatusCode);
            }
        }

        var sent = await citizen.PostAsync($"/e-guichet/{Slug}/verification", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "marie@exemple.be" }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("/confirmation?code=", sent.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var scope = await StorageFixture.TenantScopeAsync(app.Services, name);
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.CountAsync());
    }

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, int step, string answer = "Réponse", string action = "next") =>
        client.PostAsync($"/e-guichet/{Slug}/etape/{step}", new FormUrlEncodedContent(new Dictionary<string, string> { ["reponse" + step] = answer, ["action"] = action }));

    private static FormDefinition SixSteps() => new()
    {
        Slug = Slug,
        Title = "Demande en six étapes",
        Steps = Enumerable.Range(1, 6).Select(i => new FormStep
        {
            Title = "Étape " + i,
            Fields = [new TextField { Name = "reponse" + i, Label = "Réponse " + i, Required = true, MaxLength = 200 }],
        }).ToList(),
    };
}

public sealed class PublicWriteBudgetTestsOnSqlite(SqliteFixture fixture) : PublicWriteBudgetTests<SqliteFixture>(fixture);

public sealed class PublicWriteBudgetTestsOnPostgres(PostgresFixture fixture) : PublicWriteBudgetTests<PostgresFixture>(fixture);
