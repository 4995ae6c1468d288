using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Display;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Content;

/// <summary>A page that fails shows the plain French error page, with status 500 and nothing of the exception.</summary>
public sealed class ErrorPageTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task A_failing_page_answers_the_french_500_page_without_details()
    {
        await using var app = fixture.StartApp(
            new Dictionary<string, string?> { ["Environment"] = "Production" },
            services => services.AddScoped<IContentDisplay, ExplodingDisplay>());
        var name = fixture.NewTenantName("boom");
        await app.Services.GetRequiredService<Core.Tenancy.TenantProvisioner>().CreateAsync(
            new Core.Tenancy.CreateTenantRequest(name, "Boom", [$"{name}.localhost"], null, "municipality", "a@b.be", StorageFixture.AdminPassword), false, CancellationToken.None);
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>()
                .SaveAndPublishAsync(new ContentDraft(ExplodingDisplay.Type, null, "Boom", "boom", "{}"), null);
        }

        var response = await app.CreateClient(new() { BaseAddress = new Uri($"http://{name}.localhost/") }).GetAsync("/boom");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Une erreur est survenue", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kaboom", html, StringComparison.Ordinal);
    }

    private sealed class ExplodingDisplay : IContentDisplay
    {
        public const string Type = "Exploding";

        public string ContentType => Type;

        public string Feature => "pages";

        public Task<IResult> DisplayAsync(ContentItemRecord item, HttpContext http) => throw new InvalidOperationException("Kaboom");
    }
}
