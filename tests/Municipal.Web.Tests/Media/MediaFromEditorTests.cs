using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Municipal.Core.Security;
using Municipal.Web.Tests.Admin;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Media.MediaTestSupport;

namespace Municipal.Web.Tests.Media;

/// <summary>
/// Issue 13: the image edit form as rendered saves at the first try; the rich-text editor uploads into the library
/// (JSON, alternative text required) and finds the site's pages by title for its links. SQLite and PostgreSQL.
/// </summary>
public abstract class MediaFromEditorTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task The_image_edit_form_posted_as_rendered_saves_at_the_first_try()
    {
        var (name, editor) = await TenantAsync();
        var id = await UploadOkAsync(editor, TestImages.Png(64, 48), "kiosque.png", "Le kiosque du parc");
        var page = $"{LibraryPath}/{id}";

        // Every field as the page writes it (its name attribute, its value), the alternative text changed.
        var fields = ContentForm.Fields(await editor.Client.GetStringAsync(page), page);
        Assert.Equal("kiosque", fields["name"]);
        var response = await ContentForm.SubmitAsync(editor, page, page, new() { ["alt"] = "Le kiosque à musique du parc" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await StoredAsync(fixture, name));
        Assert.Equal(("kiosque", "Le kiosque à musique du parc"), (saved.Name, saved.Alt));
    }

    [Fact]
    public async Task The_editor_s_upload_answers_the_new_image_as_json_and_refuses_it_without_alt_text()
    {
        var (name, editor) = await TenantAsync();

        var refused = await EditorUploadAsync(editor, alt: " ");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.StartsWith("Saisissez le texte alternatif", errors.RootElement.GetProperty("alt").GetString(), StringComparison.Ordinal);
        }

        await AssertNothingStoredAsync(fixture, name);

        var created = await EditorUploadAsync(editor, alt: "La place communale un jour de marché");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var stored = Assert.Single(await StoredAsync(fixture, name));
        Assert.Equal($"/medias/{stored.Id}/w640.webp", json.RootElement.GetProperty("url").GetString());
        Assert.Equal("La place communale un jour de marché", json.RootElement.GetProperty("alt").GetString());
    }

    [Fact]
    public async Task The_link_search_finds_pages_by_title_published_or_not_with_their_public_address()
    {
        var (_, editor) = await TenantAsync();
        var created = await ContentForm.SubmitAsync(editor, "/admin/contenus/nouveau?type=Page", "/admin/contenus/nouveau?type=Page", new() { ["title"] = "Collecte des encombrants", ["action"] = "draft" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using var json = JsonDocument.Parse(await editor.Client.GetStringAsync("/admin/contenus/liens?q=ENCOMBR"));
        var found = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Collecte des encombrants", found.GetProperty("title").GetString());
        Assert.Equal("/collecte-des-encombrants", found.GetProperty("url").GetString());
        Assert.False(found.GetProperty("published").GetBoolean());

        using var contact = JsonDocument.Parse(await editor.Client.GetStringAsync("/admin/contenus/liens?q=contact"));
        Assert.Contains(contact.RootElement.EnumerateArray(), c => c.GetProperty("published").GetBoolean() && c.GetProperty("url").GetString()!.StartsWith('/'));
        Assert.Equal("[]", await editor.Client.GetStringAsync("/admin/contenus/liens?q=introuvable-xyz"));
    }

    private static async Task<HttpResponseMessage> EditorUploadAsync(AdminSession session, string alt)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.Png(640, 480));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "file", "marche.png");
        content.Add(new StringContent(alt), "alt");
        content.Add(new StringContent(AdminSession.Token(await session.Client.GetStringAsync("/admin/contenus/nouveau?type=Page"))), "__jeton");
        using var request = new HttpRequestMessage(HttpMethod.Post, LibraryPath) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await session.Client.SendAsync(request);
    }

    private async Task<(string Name, AdminSession Session)> TenantAsync()
    {
        var name = fixture.NewTenantName("edimg");
        await fixture.CreateTenantAsync(name);
        return (name, await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor));
    }
}

public sealed class MediaFromEditorTestsOnSqlite(SqliteFixture fixture) : MediaFromEditorTests<SqliteFixture>(fixture);

public sealed class MediaFromEditorTestsOnPostgres(PostgresFixture fixture) : MediaFromEditorTests<PostgresFixture>(fixture);
