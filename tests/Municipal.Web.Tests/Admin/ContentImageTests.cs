using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Admin;
using Municipal.Core.Media;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>
/// Image fields: chosen in the media library when it is there (a stand-in library: the Media module is not part of
/// this build), else an address and its alternative text; an image without alternative text is refused.
/// </summary>
public abstract class ContentImageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string NewPage = ContentAdminRoutes.New + "?type=Page";

    [Fact]
    public async Task Without_media_library_an_image_is_an_address_whose_alternative_text_is_required()
    {
        var name = fixture.NewTenantName("content-image-url");
        await fixture.CreateTenantAsync(name);
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);

        var refused = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Piscine", ["image"] = "/media/piscine.jpg", ["image-alt"] = " " });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<a href=\"#image-alt\">L&#x27;image de « Image » n&#x27;a pas de texte alternatif", html.Replace("&#39;", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("value=\"/media/piscine.jpg\"", html, StringComparison.Ordinal);

        var foreign = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Piscine", ["image"] = "javascript:alert(1)", ["image-alt"] = "Bassin" });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        var saved = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Piscine", ["image"] = "/media/piscine.jpg", ["image-alt"] = "Le grand bassin", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("src=\"/media/piscine.jpg\" alt=\"Le grand bassin\"", await fixture.ClientFor($"{name}.localhost").GetStringAsync("/piscine"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_media_library_an_image_is_chosen_among_its_images_and_keeps_their_alternative_text()
    {
        await using var app = fixture.StartApp(services: s => s.AddSingleton<IMediaCatalog>(new Library()));
        var name = await ContentForm.CreateTenantAsync(fixture, app, "content-image-library");
        var editor = await ContentForm.SignInAsync(app, name, TenantRoles.Editor);

        var form = await editor.Client.GetStringAsync(NewPage);
        Assert.Contains("<select id=\"image\" name=\"image\"", form, StringComparison.Ordinal);
        Assert.Contains(">Aucune image</option>", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"/media/w/eglise.webp\">eglise.jpg – L&#x27;église Saint-Martin</option>", form.Replace("&#39;", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);

        var unknown = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Patrimoine", ["image"] = "/media/w/inconnue.webp" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("<a href=\"#image\">", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Patrimoine", ["image"] = "/media/w/eglise.webp", ["action"] = "publish" }));
        var visitor = app.CreateClient(new() { BaseAddress = new Uri($"http://{name}.localhost/") });
        Assert.Contains("src=\"/media/w/eglise.webp\" alt=\"L&#x27;église Saint-Martin\"", (await visitor.GetStringAsync("/patrimoine")).Replace("&#39;", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<option value=\"/media/w/eglise.webp\" selected>", await editor.Client.GetStringAsync(ContentAdminRoutes.Edit(id)), StringComparison.Ordinal);

        // "Aucune image" takes it away.
        await ContentForm.SubmitAsync(editor, ContentAdminRoutes.Edit(id), ContentAdminRoutes.Edit(id), new() { ["image"] = string.Empty, ["action"] = "publish" });
        Assert.DoesNotContain("eglise.webp", await visitor.GetStringAsync("/patrimoine"), StringComparison.Ordinal);
    }

    /// <summary>A library of one image, as the Media module would offer it.</summary>
    private sealed class Library : IMediaCatalog
    {
        public string? PickerPath => null;

        private static readonly MediaChoice Church = new("m1", "eglise.jpg", "/media/w/eglise.webp", "/media/t/eglise.webp", "L'église Saint-Martin", 1200, 800, null);

        public Task<IReadOnlyList<MediaChoice>> ListImagesAsync(string? search, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<MediaChoice>>([Church]);

        public Task<MediaChoice?> FindByUrlAsync(string url, CancellationToken cancellationToken) =>
            Task.FromResult(url == Church.Url || url == Church.ThumbnailUrl ? Church : null);
    }
}

public sealed class ContentImageTestsOnSqlite(SqliteFixture fixture) : ContentImageTests<SqliteFixture>(fixture);

public sealed class ContentImageTestsOnPostgres(PostgresFixture fixture) : ContentImageTests<PostgresFixture>(fixture);
