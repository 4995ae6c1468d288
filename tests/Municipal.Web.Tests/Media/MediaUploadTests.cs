using System.Globalization;
using System.Net;
using System.Text;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;
using SkiaSharp;
using static Municipal.Web.Tests.Media.MediaTestSupport;

namespace Municipal.Web.Tests.Media;

/// <summary>What an upload becomes, and what it may not be. SQLite and PostgreSQL.</summary>
public abstract class MediaUploadTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_png_becomes_webp_derivatives_up_to_its_width_and_a_jpeg_fallback_served_with_long_cache()
    {
        var (name, editor) = await TenantAsync(TenantRoles.Editor);
        var id = await UploadOkAsync(editor, TestImages.Png(1000, 600), "plaine-de-jeux.png", "Enfants sur la plaine de jeux du parc");
        var anonymous = fixture.ClientFor($"{name}.localhost");

        foreach (var width in new[] { 320, 640, 960, 1000 })
        {
            var response = await anonymous.GetAsync($"/medias/{id}/w{width}.webp");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            using var codec = SKCodec.Create(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
            Assert.Equal(width, codec.Info.Width);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/medias/{id}/w1280.webp")).StatusCode);
        var fallback = await anonymous.GetAsync($"/medias/{id}/w1000.jpg");
        Assert.Equal("image/jpeg", fallback.Content.Headers.ContentType?.MediaType);

        // Only generated names, never a size taken from the address.
        foreach (var path in new[] { $"/medias/{id}/w500.webp", $"/medias/{id}/original.png", $"/medias/{id}/w640.gif", $"/medias/{id}/..%2F..%2Ftenant.db", "/medias/nope/w640.webp" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        }

        using var asked = SKCodec.Create(new MemoryStream(await anonymous.GetByteArrayAsync($"/medias/{id}/w640.webp?width=50&w=10")));
        Assert.Equal(640, asked.Info.Width);
    }

    [Fact]
    public async Task A_transparent_png_keeps_a_png_fallback_and_a_large_jpeg_stops_at_1920()
    {
        var (name, editor) = await TenantAsync(TenantRoles.Editor);
        var anonymous = fixture.ClientFor($"{name}.localhost");
        var logo = await UploadOkAsync(editor, TestImages.Png(400, 200, transparent: true), "logo.png", "Logo de la commune");
        var photo = await UploadOkAsync(editor, TestImages.Jpeg(2400, 1600), "photo.jpg", "Vue aérienne du centre");

        var png = await anonymous.GetAsync($"/medias/{logo}/w400.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/medias/{photo}/w1920.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/medias/{photo}/w1920.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/medias/{photo}/w2400.webp")).StatusCode);
    }

    [Fact]
    public async Task Exif_and_text_metadata_do_not_survive_the_upload()
    {
        var (name, editor) = await TenantAsync(TenantRoles.Editor);
        var anonymous = fixture.ClientFor($"{name}.localhost");
        var jpeg = TestImages.JpegWithExif(700, 500, "GPS 50.6326N 5.5797E SECRET");
        var png = TestImages.PngWithText(700, 500, "Auteur SECRET");
        Assert.Contains("SECRET", Encoding.Latin1.GetString(jpeg), StringComparison.Ordinal);
        Assert.Contains("SECRET", Encoding.Latin1.GetString(png), StringComparison.Ordinal);

        foreach (var (bytes, file) in new[] { (jpeg, "appareil.jpg"), (png, "scan.png") })
        {
            var id = await UploadOkAsync(editor, bytes, file, "Hôtel de ville");
            foreach (var served in new[] { "w320.webp", "w640.webp", "w700.webp", "w700.jpg" })
            {
                var body = await anonymous.GetByteArrayAsync($"/medias/{id}/{served}");
                Assert.DoesNotContain("SECRET", Encoding.Latin1.GetString(body), StringComparison.Ordinal);
                Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(body), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_photo_stored_sideways_with_an_exif_orientation_is_served_upright()
    {
        var (name, editor) = await TenantAsync(TenantRoles.Editor);
        var id = await UploadOkAsync(editor, TestImages.JpegRotatedByExif(400, 200), "portrait.jpg", "Portrait");

        using var served = SKBitmap.Decode(await fixture.ClientFor($"{name}.localhost").GetByteArrayAsync($"/medias/{id}/w200.webp"));
        Assert.Equal((200, 400), (served.Width, served.Height));
        // Turned clockwise: the stored left half (blue) is now on top, the stored top right (red) bottom right.
        Assert.True(served.GetPixel(100, 100).Blue > 150 && served.GetPixel(100, 100).Red < 80, served.GetPixel(100, 100).ToString());
        Assert.True(served.GetPixel(150, 300).Red > 150 && served.GetPixel(150, 300).Blue < 80, served.GetPixel(150, 300).ToString());
        Assert.True(served.GetPixel(50, 300) is { Red: > 200, Green: > 200, Blue: > 200 }, served.GetPixel(50, 300).ToString());
    }

    [Fact]
    public async Task A_gif_with_a_script_appended_is_kept_only_as_re_encoded_pixels()
    {
        var (name, editor) = await TenantAsync(TenantRoles.Editor);
        var anonymous = fixture.ClientFor($"{name}.localhost");

        var id = await UploadOkAsync(editor, TestImages.GifPolyglot(), "innocent.gif", "Point blanc");

        var webp = await anonymous.GetAsync($"/medias/{id}/w1.webp");
        Assert.Equal("image/webp", webp.Content.Headers.ContentType?.MediaType);
        foreach (var served in new[] { "w1.webp", "w1.jpg" })
        {
            var body = Encoding.Latin1.GetString(await anonymous.GetByteArrayAsync($"/medias/{id}/{served}"));
            Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("GIF89a", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Text_named_png_svg_too_heavy_files_and_image_bombs_are_refused_in_french_and_nothing_is_stored()
    {
        var (name, editor) = await TenantAsync(TenantRoles.Editor);
        var svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        var heavy = new byte[(10 * 1024 * 1024) + 1];
        TestImages.Png(10, 10).CopyTo(heavy, 0);
        var cases = new (byte[] Bytes, string File, string Type, string Message)[]
        {
            ("Bonjour, je ne suis pas une image."u8.ToArray(), "photo.png", "image/png", "n'est pas une image JPEG, PNG, GIF ou WebP"),
            (svg, "logo.svg", "image/svg+xml", "Les images SVG ne sont pas acceptées : elles peuvent contenir du code"),
            (svg, "logo.png", "image/png", "Les images SVG ne sont pas acceptées"),
            (heavy, "lourd.png", "image/png", "il ne peut pas dépasser 10 Mo"),
            (TestImages.PngBomb(50000, 50000), "bombe.png", "image/png", "Cette image mesure 50000 × 50000 pixels"),
            (TestImages.Png(20, 20)[..60], "coupee.png", "image/png", "endommagée ou incomplète"),
        };

        foreach (var (bytes, file, type, message) in cases)
        {
            var response = await UploadAsync(editor, bytes, file, type, "Texte");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#file\"", html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\" aria-describedby=\"file-hint file-error\"", html, StringComparison.Ordinal);
            Assert.StartsWith("<title>Erreur : ", html[html.IndexOf("<title>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }

        await AssertNothingStoredAsync(fixture, name);
    }

    [Fact]
    public async Task A_body_far_over_the_limit_gets_a_french_413_page_without_being_read()
    {
        var (name, editor) = await TenantAsync(TenantRoles.Editor);

        var response = await UploadAsync(editor, new byte[12 * 1024 * 1024], "enorme.png", "image/png", "Texte");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("trop volumineux", html, StringComparison.Ordinal);
        await AssertNothingStoredAsync(fixture, name);
    }

    [Fact]
    public async Task An_agent_cannot_open_the_library_an_author_uploads_but_cannot_delete_and_a_forged_token_is_refused()
    {
        var (name, author) = await TenantAsync(TenantRoles.Author);
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync(LibraryPath)).StatusCode);
        Assert.DoesNotContain("Médias", await (await agent.Client.GetAsync("/admin")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(">Médias</a>", await author.Client.GetStringAsync("/admin"), StringComparison.Ordinal);

        var id = await UploadOkAsync(author, TestImages.Png(50, 50), "carre.png", "Carré bleu");
        var edit = await author.Client.GetStringAsync($"{LibraryPath}/{id}");
        Assert.DoesNotContain("Supprimer l'image</button>", WebUtility.HtmlDecode(edit), StringComparison.Ordinal);
        var delete = await author.PostFormAsync($"{LibraryPath}/{id}", $"{LibraryPath}/{id}/supprimer", []);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Single(await StoredAsync(fixture, name));

        using var forged = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestImages.Png(50, 50)), "file", "carre.png" },
            { new StringContent("Carré"), "alt" },
            { new StringContent("jeton-invente"), "__jeton" },
        };
        var refused = await author.Client.PostAsync(LibraryPath, forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ce formulaire a expiré", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Single(await StoredAsync(fixture, name));
    }

    [Fact]
    public async Task The_upload_date_reads_in_brussels_time_as_the_content_dates_do()
    {
        var (_, editor) = await TenantAsync(TenantRoles.Editor);
        var local = TimeZoneInfo.ConvertTime(fixture.Clock.GetUtcNow(), Brussels.Zone);
        var id = await UploadOkAsync(editor, TestImages.Png(50, 50), "horloge.png", "L'horloge de la maison communale");

        var page = WebUtility.HtmlDecode(await editor.Client.GetStringAsync($"{LibraryPath}/{id}"));
        Assert.Contains($"envoyée le {local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} à {local.ToString("HH:mm", CultureInfo.InvariantCulture)}", page, StringComparison.Ordinal);
    }

    private async Task<(string Name, AdminSession Session)> TenantAsync(string role)
    {
        var name = fixture.NewTenantName("media");
        await fixture.CreateTenantAsync(name);
        return (name, await AdminSession.SignInAsync(fixture, name, role));
    }
}

public sealed class MediaUploadTestsOnSqlite(SqliteFixture fixture) : MediaUploadTests<SqliteFixture>(fixture);

public sealed class MediaUploadTestsOnPostgres(PostgresFixture fixture) : MediaUploadTests<PostgresFixture>(fixture);
