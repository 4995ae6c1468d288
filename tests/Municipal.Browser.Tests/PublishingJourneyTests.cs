using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Security;
using SkiaSharp;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>
/// The whole path of issue 4's "done when": an editor signs in, uploads an image with its alternative text, writes
/// a page in the rich-text editor with that image, previews it, schedules it, publishes it, and a visitor reads it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishingJourneyTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private const string Alt = "Le kiosque à musique du parc";

    private ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task An_editor_publishes_a_page_with_an_uploaded_image_and_rich_text_and_a_visitor_reads_it()
    {
        var (email, password) = await Server.CreateUserAsync(fixture.Tenant, TenantRoles.Editor);
        await SignInAsync(fixture.Tenant, email, password);

        // The image, from the dashboard's link to the library.
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Médias", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Médias");
        await Page.GetByLabel("Fichier image", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "kiosque.png", MimeType = "image/png", Buffer = Png(1200, 800) });
        await Page.GetByLabel("Texte alternatif", new() { Exact = true }).FillAsync(Alt);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'image", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Image « kiosque »");

        // The page: a title, rich text with bold words, the image chosen from the library.
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/contenus/nouveau?type=Page")));
        await Page.GetByLabel("Titre", new() { Exact = true }).FillAsync("Kiosque à musique");
        // Typing starts once the editor has replaced the plain text area (its toolbar is there): keys typed before
        // would go to the text area, whose value the editor then starts from.
        await Expect(Page.GetByRole(AriaRole.Toolbar, new() { Name = "Mise en forme de « Contenu »", Exact = true })).ToBeVisibleAsync();
        var editor = Page.GetByRole(AriaRole.Textbox, new() { Name = "Contenu (facultatif)", Exact = true });
        await editor.ClickAsync();
        await Page.Keyboard.TypeAsync("Concerts gratuits ");
        await Page.Keyboard.PressAsync("Control+b");
        await Page.Keyboard.TypeAsync("chaque dimanche");
        await Page.Keyboard.PressAsync("Control+b");
        await Page.Keyboard.TypeAsync(" en juillet.");
        await Expect(editor.Locator("strong", new() { HasText = "chaque dimanche" })).ToBeVisibleAsync();
        await Page.GetByLabel("Image (facultatif)", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"kiosque – {Alt}" });
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Modifier « Kiosque à musique »");
        var editUrl = Page.Url;

        // The preview shows the draft as the public will see it: bold words and the image, loaded.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Aperçu de la dernière version", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Kiosque à musique");
        await Expect(Page.GetByRole(AriaRole.Main).Locator("strong", new() { HasText = "chaque dimanche" })).ToBeVisibleAsync();
        await AssertImageLoadedAsync(Page);
        await Axe.AssertNoViolationsAsync(Page);

        // Scheduled for tomorrow at 9:00 (Brussels), then published at once after all.
        Assert.Equal(200, await GotoAsync(editUrl));
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).AddDays(1);
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync(tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("Heure", new() { Exact = true }).FillAsync("09:00");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Publier la dernière version", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Programmer", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-notice]")).ToContainTextAsync("La programmation a été enregistrée.");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(new Regex("Publication programmée le .*9"));

        await using var visitorContext = await Server.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        Assert.Equal(404, (await visitor.GotoAsync(fixture.Tenant.Url("/kiosque-a-musique")))!.Status);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier la dernière version", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-notice]")).ToContainTextAsync("Le contenu a été publié.");

        Assert.Equal(200, (await visitor.GotoAsync(fixture.Tenant.Url("/kiosque-a-musique")))!.Status);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kiosque à musique");
        await Expect(visitor.GetByRole(AriaRole.Main).Locator("strong", new() { HasText = "chaque dimanche" })).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Aperçu");
        await AssertImageLoadedAsync(visitor);
        await Axe.AssertNoViolationsAsync(visitor);
    }

    /// <summary>The image is there with its alternative text, and the browser could load and decode it.</summary>
    private static async Task AssertImageLoadedAsync(IPage page)
    {
        var image = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Img, new() { Name = Alt, Exact = true });
        await Expect(image).ToBeVisibleAsync();
        await Expect(image).ToHaveAttributeAsync("src", new Regex("/medias/[0-9a-f]{32}/w1200\\.webp$"));
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync());
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x2E, 0x6B, 0x30));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
