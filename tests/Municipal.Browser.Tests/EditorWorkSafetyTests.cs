using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>
/// Issue 13, as an officer meets it, by keyboard, at 1280 and at 375 px: an image uploaded from the editor's image
/// dialog on an empty library; the leave warning after typing (not after saving); the image edit form saved at the
/// first try; a page found by title in the link dialog; the colour setting's live contrast preview. axe on the way.
/// </summary>
public abstract class EditorWorkSafetyTests(MunicipalServer server, MunicipalityTenantFixture fixture) : BrowserTest(server)
{
    private const string NewPage = "/admin/contenus/nouveau?type=Page";

    private ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private ILocator Body => Page.GetByRole(AriaRole.Textbox, new() { Name = "Contenu (facultatif)", Exact = true });

    private ILocator SaveDraft => Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon", Exact = true });

    [Fact]
    public async Task An_image_is_uploaded_from_the_editor_s_dialog_on_an_empty_library_with_its_alt_text()
    {
        // A library of its own, empty: the class's tenant gets images from the other tests.
        var tenant = await Server.CreateTenantAsync("vide", "Commune de Vide-Pré", "municipality");
        await SignInAsync(tenant, tenant.AdminEmail, tenant.AdminPassword);
        await WriteNewPageAsync(tenant, "Marché hebdomadaire", "Le marché a lieu le samedi.");

        var dialog = await OpenFromToolbarAsync("Image", "Insérer une image");
        await Expect(dialog.GetByRole(AriaRole.Status).First).ToHaveTextAsync(new Regex("^La médiathèque est vide"));
        await Axe.AssertNoViolationsAsync(Page);

        // The file, then the upload without alternative text: refused in the dialog, the focus on the field.
        var file = dialog.GetByLabel("Fichier image", new() { Exact = true });
        await TabUntilFocusedAsync(file, maxPresses: 6);
        await file.SetInputFilesAsync(new FilePayload { Name = "marche.png", MimeType = "image/png", Buffer = MediaLibraryTests.Png(640, 400) });
        var upload = dialog.GetByRole(AriaRole.Button, new() { Name = "Envoyer et insérer l'image", Exact = true });
        await TabUntilFocusedAsync(upload, maxPresses: 3);
        await Page.Keyboard.PressAsync("Enter");
        var alt = dialog.GetByLabel("Texte alternatif", new() { Exact = true });
        await Expect(alt).ToBeFocusedAsync();
        await Expect(alt).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dialog.Locator(".error-message:not([hidden])")).ToHaveTextAsync("Erreur : Saisissez le texte alternatif de l'image");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.Keyboard.TypeAsync("Les étals du marché sur la place");
        await TabUntilFocusedAsync(upload, maxPresses: 2);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(Body).ToBeFocusedAsync();
        await Expect(Body.GetByRole(AriaRole.Img, new() { Name = "Les étals du marché sur la place" })).ToBeVisibleAsync();
        await Expect(Page.Locator("textarea#body")).ToHaveValueAsync(new Regex("<img src=\"/medias/[0-9a-f]{32}/w640\\.webp\" alt=\"Les étals du marché sur la place\">"));
        await Axe.AssertNoViolationsAsync(Page);

        // Saved with the page; the library has it, with its alternative text.
        await TabUntilFocusedAsync(SaveDraft);
        await PressAndFollowAsync("Enter");
        await Expect(Heading).ToHaveTextAsync("Modifier « Marché hebdomadaire »");
        Assert.Equal(200, await GotoAsync(tenant.Url("/admin/medias")));
        await Expect(Page.Locator(".media-card")).ToContainTextAsync("Les étals du marché sur la place");
    }

    [Fact]
    public async Task Leaving_typed_work_asks_first_and_leaving_saved_work_does_not()
    {
        await SignInAsync(fixture.Tenant, fixture.Tenant.AdminEmail, fixture.Tenant.AdminPassword);
        await WriteNewPageAsync(fixture.Tenant, "Déneigement", "Les trottoirs sont à dégager avant 9 h.");
        var dialogs = new List<string>();
        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            asked.TrySetResult(dialog.Type);
            await dialog.DismissAsync();
        };

        // Off to the media library, with the page not saved: the browser asks; staying keeps the text.
        var media = Page.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link, new() { Name = "Médias", Exact = true });
        await media.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        Assert.Equal("beforeunload", await asked.Task);
        await Expect(Heading).ToHaveTextAsync("Nouveau contenu : Page");
        await Expect(Body).ToHaveTextAsync("Les trottoirs sont à dégager avant 9 h.");

        // Saved, the page is left without a question.
        await TabUntilFocusedAsync(SaveDraft);
        await PressAndFollowAsync("Enter");
        await Expect(Heading).ToHaveTextAsync("Modifier « Déneigement »");
        await media.FocusAsync();
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Heading).ToHaveTextAsync("Médias");
        Assert.Equal(["beforeunload"], dialogs);
    }

    [Fact]
    public async Task The_image_edit_form_saves_at_the_first_try()
    {
        await SignInAsync(fixture.Tenant, fixture.Tenant.AdminEmail, fixture.Tenant.AdminPassword);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/medias")));
        await Page.GetByLabel("Fichier image", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "kiosque.png", MimeType = "image/png", Buffer = MediaLibraryTests.Png(320, 200) });
        await Page.GetByLabel("Texte alternatif", new() { Exact = true }).FillAsync("Le kiosque");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'image", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Image « kiosque »");

        var alt = Page.GetByLabel("Texte alternatif", new() { Exact = true });
        await TabUntilFocusedAsync(alt);
        await Page.Keyboard.PressAsync("Control+a");
        await Page.Keyboard.TypeAsync("Le kiosque à musique du parc");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }), maxPresses: 3);
        Assert.Equal(302, await PressAndFollowAsync("Enter"));
        await Expect(Page.Locator("[data-notice]")).ToBeFocusedAsync();
        await Expect(Page.Locator(".error-summary")).ToHaveCountAsync(0);
        await Expect(alt).ToHaveValueAsync("Le kiosque à musique du parc");
        await Expect(Page.GetByLabel("Nom", new() { Exact = true })).ToHaveValueAsync("kiosque");
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Fact]
    public async Task The_link_dialog_finds_a_page_by_title_and_inserts_its_link()
    {
        await SignInAsync(fixture.Tenant, fixture.Tenant.AdminEmail, fixture.Tenant.AdminPassword);
        await WriteNewPageAsync(fixture.Tenant, "Permanences", "Pour nous joindre : ");

        var dialog = await OpenFromToolbarAsync("Lien", "Lien");
        await Expect(dialog.GetByLabel("Adresse du lien", new() { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Shift+Tab");
        await Page.Keyboard.PressAsync("Shift+Tab");
        var search = dialog.GetByLabel("Chercher une page du site", new() { Exact = true });
        await Expect(search).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("horaires");
        await Page.Keyboard.PressAsync("Enter");
        var found = dialog.GetByRole(AriaRole.Button, new() { Name = "Contact et horaires" });
        await Expect(found).ToHaveCountAsync(1);
        await Expect(dialog.GetByRole(AriaRole.Status).First).ToHaveTextAsync("1 page trouvée.");
        await Axe.AssertNoViolationsAsync(Page);

        await TabUntilFocusedAsync(found, maxPresses: 2);
        await Page.Keyboard.PressAsync("Enter");
        var address = dialog.GetByLabel("Adresse du lien", new() { Exact = true });
        await Expect(address).ToBeFocusedAsync();
        await Expect(address).ToHaveValueAsync("/contact");
        await Expect(dialog.GetByLabel("Texte du lien", new() { Exact = true })).ToHaveValueAsync("Contact et horaires");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(Page.Locator("textarea#body")).ToHaveValueAsync(new Regex("<a href=\"/contact\">Contact et horaires</a>"));
    }

    [Fact]
    public async Task The_colour_setting_has_a_colour_input_and_a_live_contrast_preview()
    {
        await SignInAsync(fixture.Tenant, fixture.Tenant.AdminEmail, fixture.Tenant.AdminPassword);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/parametres")));
        var text = Page.GetByLabel("Couleur principale (facultatif)", new() { Exact = true });
        var picker = Page.GetByLabel("Choisir la couleur", new() { Exact = true });
        var ratio = Page.Locator("[data-color-ratio]");

        await TabUntilFocusedAsync(text);
        await Page.Keyboard.PressAsync("Control+a");
        await Page.Keyboard.TypeAsync("#1d5e3a");
        await Expect(ratio).ToHaveTextAsync(new Regex(@"^Contraste du texte blanc sur cette couleur : 7,\d:1\. Suffisant"));
        await Expect(picker).ToHaveValueAsync("#1d5e3a");
        await Axe.AssertNoViolationsAsync(Page);

        await Page.Keyboard.PressAsync("Control+a");
        await Page.Keyboard.TypeAsync("#ffcc00");
        await Expect(ratio).ToHaveTextAsync(new Regex(@"^Contraste du texte blanc sur cette couleur : 1,5:1\. Insuffisant"));
        await Axe.AssertNoViolationsAsync(Page);

        // The colour input leads the text field and the ratio.
        await TabUntilFocusedAsync(picker, maxPresses: 2);
        await picker.FillAsync("#000000");
        await Expect(text).ToHaveValueAsync("#000000");
        await Expect(ratio).ToHaveTextAsync(new Regex(@"^Contraste du texte blanc sur cette couleur : 21,0:1\. Suffisant"));
    }

    private async Task WriteNewPageAsync(TestTenant tenant, string title, string body)
    {
        Assert.Equal(200, await GotoAsync(tenant.Url(NewPage)));
        await TabUntilFocusedAsync(Page.GetByLabel("Titre", new() { Exact = true }));
        await Page.Keyboard.TypeAsync(title);
        await TabUntilFocusedAsync(Body);
        await Page.Keyboard.TypeAsync(body);
    }

    /// <summary>From the editable area back into the toolbar (Shift+Tab), arrows to the button, Enter: its dialog opens.</summary>
    private async Task<ILocator> OpenFromToolbarAsync(string button, string dialogName)
    {
        await Expect(Body).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Shift+Tab");
        var target = Page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = button, Exact = true });
        for (var presses = 0; presses < 20 && !await IsFocusedAsync(target); presses++)
        {
            await Page.Keyboard.PressAsync("ArrowRight");
        }

        await Expect(target).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = dialogName, Exact = true });
        await Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }
}

/// <summary>At 1280 px, the desktop default.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorWorkSafetyDesktopTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : EditorWorkSafetyTests(server, fixture), IClassFixture<MunicipalityTenantFixture>
{
    protected override ViewportSize? Viewport => new() { Width = 1280, Height = 900 };
}

/// <summary>At 375 px, a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorWorkSafetyPhoneTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : EditorWorkSafetyTests(server, fixture), IClassFixture<MunicipalityTenantFixture>
{
    protected override ViewportSize? Viewport => new() { Width = 375, Height = 800 };
}
