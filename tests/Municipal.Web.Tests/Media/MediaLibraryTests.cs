using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Audit;
using Municipal.Core.Content;
using Municipal.Core.Modules;
using Municipal.Core.Security;
using Municipal.Core.Storage;
using Municipal.Core.Tenancy;
using Municipal.Pages.Model;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Media.MediaTestSupport;

namespace Municipal.Web.Tests.Media;

/// <summary>The library once images are in it: alt text, catalog, folders, usage, deletion, tenants, public pages. SQLite and PostgreSQL.</summary>
public abstract class MediaLibraryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task An_image_without_alt_text_is_kept_and_flagged_but_offered_only_once_its_alt_text_is_written()
    {
        var (name, editor) = await TenantAsync();
        var id = await UploadOkAsync(editor, TestImages.Png(800, 400), "marche.png", alt: null);

        var edit = WebUtility.HtmlDecode(await editor.Client.GetStringAsync($"{LibraryPath}/{id}?envoye=1"));
        Assert.Contains("Texte alternatif manquant", edit, StringComparison.Ordinal);
        Assert.Contains("L'image a été ajoutée à la bibliothèque.", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("décorati", edit, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Texte alternatif manquant", WebUtility.HtmlDecode(await editor.Client.GetStringAsync(LibraryPath)), StringComparison.Ordinal);
        Assert.Empty(await CatalogAsync(name, null));
        Assert.Equal("[]", await editor.Client.GetStringAsync($"{LibraryPath}/choix"));

        var saved = await editor.PostFormAsync($"{LibraryPath}/{id}", $"{LibraryPath}/{id}", new()
        {
            ["name"] = "Marché du samedi",
            ["alt"] = "Étals de légumes sur la place du marché",
            ["folder"] = string.Empty,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var choice = Assert.Single(await CatalogAsync(name, "légumes"));
        Assert.Equal($"/medias/{id}/w800.webp", choice.Url);
        Assert.Equal($"/medias/{id}/w320.webp", choice.ThumbnailUrl);
        Assert.Equal("Étals de légumes sur la place du marché", choice.Alt);
        Assert.Equal((800, 400), (choice.Width, choice.Height));
        Assert.Empty(await CatalogAsync(name, "piscine"));

        using var json = JsonDocument.Parse(await editor.Client.GetStringAsync($"{LibraryPath}/choix?q=march"));
        var first = json.RootElement.EnumerateArray().Single();
        Assert.Equal($"/medias/{id}/w800.webp", first.GetProperty("url").GetString());
        Assert.Equal("Marché du samedi", first.GetProperty("name").GetString());
        Assert.Equal("Étals de légumes sur la place du marché", first.GetProperty("alt").GetString());

        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var found = await scope.ServiceProvider.GetRequiredService<IMediaCatalog>().FindByUrlAsync($"https://x.be/medias/{id}/w320.webp", CancellationToken.None);
        Assert.Equal(id, found?.Id);
    }

    [Fact]
    public async Task Folders_are_created_renamed_and_hold_the_images_moved_into_them_and_search_finds_by_name_or_alt()
    {
        var (name, editor) = await TenantAsync();
        var created = await editor.PostFormAsync(LibraryPath, $"{LibraryPath}/dossiers", new() { ["name"] = "Travaux" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var duplicate = await editor.PostFormAsync(LibraryPath, $"{LibraryPath}/dossiers", new() { ["name"] = "Travaux" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Un dossier « Travaux » existe déjà", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var library = await editor.Client.GetStringAsync(LibraryPath);
        var folderId = Regex.Match(library, "\\?dossier=(\\d+)\">Travaux<").Groups[1].Value;
        Assert.NotEmpty(folderId);
        var renamed = await editor.PostFormAsync(LibraryPath, $"{LibraryPath}/dossiers/{folderId}", new() { ["name"] = "Chantiers" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var bridge = await UploadOkAsync(editor, TestImages.Png(64, 64), "pont.png", "Le pont rénové");
        await UploadOkAsync(editor, TestImages.Png(64, 64), "ecole.png", "Cour de l'école");
        var moved = await editor.PostFormAsync($"{LibraryPath}/{bridge}", $"{LibraryPath}/{bridge}", new() { ["name"] = "pont", ["alt"] = "Le pont rénové", ["folder"] = folderId });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var inFolder = WebUtility.HtmlDecode(await editor.Client.GetStringAsync($"{LibraryPath}?dossier={folderId}"));
        Assert.Contains("Images du dossier « Chantiers »", inFolder, StringComparison.Ordinal);
        Assert.Contains(">pont</a>", inFolder, StringComparison.Ordinal);
        Assert.DoesNotContain(">ecole</a>", inFolder, StringComparison.Ordinal);

        var byAlt = WebUtility.HtmlDecode(await editor.Client.GetStringAsync($"{LibraryPath}?q=cour"));
        Assert.Contains(">ecole</a>", byAlt, StringComparison.Ordinal);
        Assert.DoesNotContain(">pont</a>", byAlt, StringComparison.Ordinal);
        Assert.Contains("1 image", byAlt, StringComparison.Ordinal);

        // Deleting the folder keeps its image in the library, outside any folder; an author may not delete it.
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync(LibraryPath, $"{LibraryPath}/dossiers/{folderId}/supprimer", [])).StatusCode);
        Assert.DoesNotContain("Supprimer le dossier", await author.Client.GetStringAsync($"{LibraryPath}?dossier={folderId}"), StringComparison.Ordinal);
        var deleted = await editor.PostFormAsync($"{LibraryPath}?dossier={folderId}", $"{LibraryPath}/dossiers/{folderId}/supprimer", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var after = WebUtility.HtmlDecode(await editor.Client.GetStringAsync(deleted.Headers.Location!.OriginalString));
        Assert.Contains("son image est restée dans la bibliothèque", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Chantiers", after, StringComparison.Ordinal);
        Assert.Contains(">pont</a>", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync($"{LibraryPath}/{bridge}")).StatusCode);
    }

    [Fact]
    public async Task An_image_used_by_a_page_lists_it_cannot_be_deleted_and_an_unused_one_is_deleted_with_its_files()
    {
        var (name, editor) = await TenantAsync();
        var anonymous = fixture.ClientFor($"{name}.localhost");
        var used = await UploadOkAsync(editor, TestImages.Png(500, 300), "parc.png", "Le parc communal au printemps");
        var unused = await UploadOkAsync(editor, TestImages.Png(500, 300), "brouillon.png", "Essai");
        string pageId;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var page = new PageContent("Espaces verts", null, RichText.FromHtml($"<p>Le parc :</p><img src=\"/medias/{used}/w500.webp\" alt=\"Le parc\">"));
            var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveAndPublishAsync(
                new ContentDraft(PageTypes.Page, null, "Espaces verts", "espaces-verts", ContentStore.Serialize(page)), "editeur@x.be");
            pageId = item.ContentItemId;
        }

        var edit = WebUtility.HtmlDecode(await editor.Client.GetStringAsync($"{LibraryPath}/{used}"));
        Assert.Contains($"<a href=\"/admin/contenus/{pageId}\">Espaces verts</a>", edit, StringComparison.Ordinal);
        Assert.Contains("Cette image n'est utilisée dans aucun contenu.", WebUtility.HtmlDecode(await editor.Client.GetStringAsync($"{LibraryPath}/{unused}")), StringComparison.Ordinal);

        var refused = await editor.PostFormAsync($"{LibraryPath}/{used}", $"{LibraryPath}/{used}/supprimer", []);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("elle est utilisée dans « Espaces verts »", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/medias/{used}/w500.webp")).StatusCode);

        var deleted = await editor.PostFormAsync($"{LibraryPath}/{unused}", $"{LibraryPath}/{unused}/supprimer", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/medias/{unused}/w320.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync($"{LibraryPath}/{unused}")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(fixture.TenantsFolder, name, "media", unused)));
        Assert.Equal([used], (await StoredAsync(fixture, name)).Select(m => m.Id));

        await using var audit = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var lines = await audit.ServiceProvider.GetRequiredService<TenantDbContext>().AuditLog.AsNoTracking()
            .Where(a => a.ObjectId == unused).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.Uploaded, lines);
        Assert.Contains(AuditActions.Deleted, lines);
    }

    [Fact]
    public async Task A_page_shows_a_library_image_with_a_srcset_of_its_widths_and_another_image_without()
    {
        var (name, editor) = await TenantAsync();
        var id = await UploadOkAsync(editor, TestImages.Jpeg(1500, 1000), "eglise.jpg", "L'église Saint-Martin");
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var withLibrary = new PageContent("Patrimoine", null, RichText.FromMarkdown("Texte"), new ImagePart($"/medias/{id}/w1500.webp", "L'église Saint-Martin"));
            await manager.SaveAndPublishAsync(new ContentDraft(PageTypes.Page, null, "Patrimoine", "patrimoine", ContentStore.Serialize(withLibrary)), null);
            var elsewhere = new PageContent("Ailleurs", null, RichText.FromMarkdown("Texte"), new ImagePart("/images/carte.png", "Carte"));
            await manager.SaveAndPublishAsync(new ContentDraft(PageTypes.Page, null, "Ailleurs", "ailleurs", ContentStore.Serialize(elsewhere)), null);
        }

        var client = fixture.ClientFor($"{name}.localhost");
        var page = await client.GetStringAsync("/patrimoine");
        Assert.Contains(
            $"src=\"/medias/{id}/w1500.webp\" srcset=\"/medias/{id}/w320.webp 320w, /medias/{id}/w640.webp 640w, /medias/{id}/w960.webp 960w, /medias/{id}/w1280.webp 1280w, /medias/{id}/w1500.webp 1500w\" sizes=\"",
            page,
            StringComparison.Ordinal);
        var other = await client.GetStringAsync("/ailleurs");
        Assert.Contains("src=\"/images/carte.png\" alt=\"Carte\"", other, StringComparison.Ordinal);
        Assert.DoesNotContain("srcset", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_cannot_read_the_files_or_pages_of_another_tenants_images()
    {
        var (first, editor) = await TenantAsync();
        var (second, otherEditor) = await TenantAsync();
        var id = await UploadOkAsync(editor, TestImages.Png(100, 100), "prive.png", "Image de la première commune");

        Assert.Equal(HttpStatusCode.OK, (await fixture.ClientFor($"{first}.localhost").GetAsync($"/medias/{id}/w100.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor($"{second}.localhost").GetAsync($"/medias/{id}/w100.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.Client.GetAsync($"{LibraryPath}/{id}")).StatusCode);
        Assert.Empty(await CatalogAsync(second, null));
    }

    [Fact]
    public async Task Without_the_media_feature_the_library_and_its_menu_entry_are_absent_until_a_recipe_enables_it()
    {
        var name = fixture.NewTenantName("nomedia");
        await fixture.CreateTenantAsync(name, recipe: RecipeFiles.Write(fixture, """{"name": "p", "steps": [{"step": "features", "enable": ["pages"]}]}"""));
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync(LibraryPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Client.GetAsync($"{LibraryPath}/choix")).StatusCode);
        Assert.DoesNotContain(">Médias</a>", await editor.Client.GetStringAsync("/admin"), StringComparison.Ordinal);

        var media = RecipeFiles.Write(fixture, """{"name": "m", "steps": [{"step": "features", "enable": ["media"]}]}""");
        await fixture.App.Services.GetRequiredService<TenantProvisioner>().ApplyRecipeAsync(name, media, recipeMayBePath: true, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync(LibraryPath)).StatusCode);
        Assert.Contains(">Médias</a>", await editor.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<MediaChoice>> CatalogAsync(string tenant, string? search)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<IMediaCatalog>().ListImagesAsync(search, CancellationToken.None);
    }

    private async Task<(string Name, AdminSession Session)> TenantAsync()
    {
        var name = fixture.NewTenantName("lib");
        await fixture.CreateTenantAsync(name);
        return (name, await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor));
    }
}

public sealed class MediaLibraryTestsOnSqlite(SqliteFixture fixture) : MediaLibraryTests<SqliteFixture>(fixture);

public sealed class MediaLibraryTestsOnPostgres(PostgresFixture fixture) : MediaLibraryTests<PostgresFixture>(fixture);

/// <summary>The modules the host is built with, listed explicitly (no discovery): this list changes only on purpose.</summary>
public sealed class HostModulesTests
{
    [Fact]
    public void The_host_loads_the_back_office_then_the_theme_pages_news_events_media_and_forms_modules()
    {
        Assert.Equal(["Admin", "Theme.Default", "Pages", "News", "Events", "Media", "Forms"], HostModules.All().Select(m => m.Name));
    }
}
