using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;
using Municipal.Web.Tests.Media;

namespace Municipal.Web.Tests.Admin;

/// <summary>
/// Image fields: chosen in the tenant's media library (images with alternative text only) when the tenant has it on,
/// else an address and its alternative text; an image without alternative text is refused.
/// </summary>
public abstract class ContentImageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string NewPage = ContentAdminRoutes.New + "?type=Page";

    [Fact]
    public async Task Without_media_library_an_image_is_an_address_whose_alternative_text_is_required()
    {
        var name = fixture.NewTenantName("content-image-url");
        // A municipality with pages but the media library off.
        await fixture.CreateTenantAsync(name, RecipeFiles.Write(fixture, """{ "name": "sans-medias", "steps": [ { "step": "features", "enable": ["pages"] } ] }"""));
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
    public async Task With_the_media_library_an_image_is_chosen_among_its_images_and_keeps_their_alternative_text()
    {
        var name = fixture.NewTenantName("content-image-library");
        await fixture.CreateTenantAsync(name);
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var mediaId = await MediaTestSupport.UploadOkAsync(editor, TestImages.Png(1200, 800), "eglise.png", "L'église Saint-Martin");
        await MediaTestSupport.UploadOkAsync(editor, TestImages.Png(640, 480), "sans-texte.png", alt: null);
        var url = $"/medias/{mediaId}/w1200.webp";

        var form = await editor.Client.GetStringAsync(NewPage);
        Assert.Contains("<select id=\"image\" name=\"image\"", form, StringComparison.Ordinal);
        Assert.Contains(">Aucune image</option>", form, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{url}\">eglise – L&#x27;église Saint-Martin</option>", form.Replace("&#39;", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        // An image without alternative text is not offered.
        Assert.DoesNotContain("sans-texte", form, StringComparison.Ordinal);
        // The rich-text fields offer the library's images too.
        Assert.Contains("data-media-picker-url=\"/admin/medias/choix\"", form, StringComparison.Ordinal);

        var unknown = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Patrimoine", ["image"] = "/medias/0123456789abcdef0123456789abcdef/w640.webp" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("<a href=\"#image\">", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Patrimoine", ["image"] = url, ["action"] = "publish" }));
        var visitor = fixture.ClientFor($"{name}.localhost");
        var page = (await visitor.GetStringAsync("/patrimoine")).Replace("&#39;", "&#x27;", StringComparison.Ordinal);
        Assert.Contains($"src=\"{url}\"", page, StringComparison.Ordinal);
        Assert.Contains("alt=\"L&#x27;église Saint-Martin\"", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{url}\" selected>", await editor.Client.GetStringAsync(ContentAdminRoutes.Edit(id)), StringComparison.Ordinal);
        // The library knows where its image is used.
        Assert.Contains("Patrimoine", await editor.Client.GetStringAsync($"/admin/medias/{mediaId}"), StringComparison.Ordinal);

        // In rich text too, an image is one of the library's: another (a crafted post) is refused, nothing saved.
        var foreign = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Pistage", ["body"] = "<p>Bonjour</p><img src=\"https://pistage.example/pixel.png\" alt=\"Pixel\">" });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("contient une image qui ne vient pas de la bibliothèque de médias", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/pistage")).StatusCode);
        var inline = await ContentForm.SubmitAsync(editor, NewPage, NewPage, new() { ["title"] = "Église", ["body"] = $"<p>Notre église :</p><img src=\"{url}\" alt=\"L'église Saint-Martin\">", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, inline.StatusCode);
        Assert.Contains($"<img src=\"{url}\"", await visitor.GetStringAsync("/eglise"), StringComparison.Ordinal);

        // "Aucune image" takes it away.
        await ContentForm.SubmitAsync(editor, ContentAdminRoutes.Edit(id), ContentAdminRoutes.Edit(id), new() { ["image"] = string.Empty, ["action"] = "publish" });
        Assert.DoesNotContain(mediaId, await visitor.GetStringAsync("/patrimoine"), StringComparison.Ordinal);
    }
}

public sealed class ContentImageTestsOnSqlite(SqliteFixture fixture) : ContentImageTests<SqliteFixture>(fixture);

public sealed class ContentImageTestsOnPostgres(PostgresFixture fixture) : ContentImageTests<PostgresFixture>(fixture);
