using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using SkiaSharp;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>The media library in a browser: upload by keyboard alone, the error summary, and axe on each page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MediaLibraryTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private ILocator FileInput => Page.GetByLabel("Fichier image", new() { Exact = true });

    private ILocator AltText => Page.GetByLabel("Texte alternatif", new() { Exact = true });

    private ILocator UploadButton => Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'image", Exact = true });

    [Fact]
    public async Task An_editor_uploads_an_image_by_keyboard_alone_and_lands_on_its_edit_page_without_axe_violation()
    {
        await SignInAsync();
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/medias")));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Médias");
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link, new() { Name = "Médias" }))
            .ToHaveAttributeAsync("aria-current", "page");
        await Axe.AssertNoViolationsAsync(Page);

        // The file chooser is the operating system's: the test gives it its file once the input has the focus.
        await TabUntilFocusedAsync(FileInput);
        await FileInput.SetInputFilesAsync(new FilePayload { Name = "fontaine.png", MimeType = "image/png", Buffer = Png(900, 600) });
        await TabUntilFocusedAsync(AltText, maxPresses: 3);
        await Page.Keyboard.TypeAsync("La fontaine de la place communale");
        await TabUntilFocusedAsync(UploadButton, maxPresses: 5);
        Assert.Equal(302, await PressAndFollowAsync("Enter"));

        await Expect(Page).ToHaveURLAsync(new Regex("/admin/medias/[0-9a-f]{32}\\?envoye=1$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Image « fontaine »");
        await Expect(Page.Locator("[data-notice]")).ToBeFocusedAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "La fontaine de la place communale" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "900 pixels de large (WebP)" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Cette image n'est utilisée dans aucun contenu.")).ToBeVisibleAsync();
        await Expect(AltText).ToHaveValueAsync("La fontaine de la place communale");
        await Axe.AssertNoViolationsAsync(Page);

        // Back in the library, its thumbnail loads and its alt text is shown.
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/medias")));
        var card = Page.Locator(".media-card", new() { HasText = "fontaine" });
        await Expect(card).ToContainTextAsync("La fontaine de la place communale");
        Assert.True(await card.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 320"));
        await Axe.AssertNoViolationsAsync(Page);

        // WCAG 1.4.10: at 320 CSS pixels the library and the edit page do not scroll sideways.
        await Page.SetViewportSizeAsync(320, 800);
        await AssertNoHorizontalScrollAsync();
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Image « fontaine »");
        await AssertNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_gives_a_focused_error_summary_linking_to_the_file_field_without_axe_violation()
    {
        await SignInAsync();
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/medias")));
        await FileInput.SetInputFilesAsync(new FilePayload { Name = "faux.png", MimeType = "image/png", Buffer = "Je ne suis pas une image"u8.ToArray() });
        await UploadButton.FocusAsync();
        Assert.Equal(400, await PressAndFollowAsync("Enter"));

        var summary = Page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(Page).ToHaveTitleAsync(new Regex("^Erreur : Médias"));
        await Expect(summary).ToContainTextAsync("n'est pas une image JPEG, PNG, GIF ou WebP");
        await Expect(FileInput).ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertNoViolationsAsync(Page);

        await TabUntilFocusedAsync(summary.GetByRole(AriaRole.Link), maxPresses: 2);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(FileInput).ToBeFocusedAsync();
    }

    private Task SignInAsync() => SignInAsync(fixture.Tenant, fixture.Tenant.AdminEmail, fixture.Tenant.AdminPassword);

    private async Task AssertNoHorizontalScrollAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{Page.Url} is {widths[0]} px wide in a {widths[1]} px viewport.");
    }

    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x1D, 0x70, 0xB8));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
