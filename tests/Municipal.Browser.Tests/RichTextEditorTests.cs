using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>
/// The back office's rich-text editor (admin.js loads the editor bundle for a textarea[data-rich-text]), driven by
/// keyboard alone on a fixture form served on a tenant's origin under the site's real Content-Security-Policy: the
/// toolbar, the link and image dialogs, the hidden textarea that gets posted, axe, and no CSP violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RichTextEditorTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private const string FixturePath = "/essai-editeur";
    private const string PickerPath = "/admin/medias/choix";

    // A 1×1 PNG: the media library's images and thumbnails in this test.
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static readonly MediaChoiceJson[] Library =
    [
        new("m1", "hotel-de-ville.png", "/medias/essai/hotel-de-ville.png", "/medias/essai/hotel-de-ville-vignette.png", "L'hôtel de ville sous la neige", 800, 600, "Bâtiments"),
        new("m2", "parc.png", "/medias/essai/parc.png", "/medias/essai/parc-vignette.png", "Le parc communal au printemps", 800, 600, null),
    ];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly List<string> cspViolations = [];
    private readonly List<string> postedBodies = [];

    private ILocator Toolbar => Page.GetByRole(AriaRole.Toolbar, new() { Name = "Mise en forme de « Corps du texte »", Exact = true });

    // The label says "(facultatif)" like the _TextArea partial's; the toolbar's name leaves it out.
    private ILocator Editable => Page.GetByRole(AriaRole.Textbox, new() { Name = "Corps du texte (facultatif)", Exact = true });

    private ILocator Textarea => Page.Locator("textarea#body");

    [Fact]
    public async Task An_officer_formats_text_inserts_a_link_and_an_image_by_keyboard_alone()
    {
        await OpenFixtureAsync(withPicker: true);
        await Axe.AssertNoViolationsAsync(Page);

        // The textarea stays in the form, hidden; the editable area is tied to its label and hint.
        await Expect(Textarea).ToBeHiddenAsync();
        await Expect(Editable).ToHaveAttributeAsync("aria-multiline", "true");
        await Expect(Editable).ToHaveAttributeAsync("aria-describedby", "body-hint");
        await Expect(Toolbar).ToHaveAttributeAsync("aria-controls", await Editable.GetAttributeAsync("id") ?? "?");

        // One tab stop in the toolbar; arrows, Home and End move within it.
        await TabUntilFocusedAsync(Toolbar.GetByRole(AriaRole.Button).First);
        Assert.Equal(1, await Toolbar.Locator("[tabindex='0']").CountAsync());
        await Page.Keyboard.PressAsync("End");
        await Expect(ToolbarButton("Rétablir")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Home");
        await Expect(ToolbarButton("Gras")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(ToolbarButton("Italique")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(ToolbarButton("Gras")).ToBeFocusedAsync();

        // Bold: the button says it is on, the focus is back in the text, and the textarea follows.
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Editable).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("Horaires du guichet");
        await Expect(ToolbarButton("Gras")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Textarea).ToHaveValueAsync(new Regex("<strong>Horaires du guichet</strong>"));

        // Ctrl+B still works, and Tab leaves the editor for the next field (no trap).
        await Page.Keyboard.PressAsync("Control+b");
        await Page.Keyboard.TypeAsync(" :");
        await Expect(ToolbarButton("Gras")).ToHaveAttributeAsync("aria-pressed", "false");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true })).ToBeFocusedAsync();

        // A link, through its dialog: a refused address first, then a good one with its text.
        await Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(Editable).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Control+End");
        await Page.Keyboard.PressAsync("Enter");
        var linkDialog = await OpenDialogFromToolbarAsync("Lien", "Lien");
        var address = linkDialog.GetByLabel("Adresse du lien", new() { Exact = true });
        await Expect(address).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.Keyboard.TypeAsync("javascript:alert(1)");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(address).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(linkDialog.Locator(".error-message")).ToContainTextAsync("Cette adresse n'est pas permise");
        await Axe.AssertNoViolationsAsync(Page);
        await address.PressAsync("Control+a");
        await Page.Keyboard.TypeAsync("www.bellefontaine.be/horaires");
        await Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(linkDialog.GetByLabel("Texte du lien", new() { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("Nos horaires");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(linkDialog).ToBeHiddenAsync();
        await Expect(Editable).ToBeFocusedAsync();
        await Expect(Textarea).ToHaveValueAsync(new Regex("<a href=\"https://www\\.bellefontaine\\.be/horaires\">Nos horaires</a>"));
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Lien inséré." })).ToHaveCountAsync(1);

        // An image of the media library, found by a search, chosen with the keyboard.
        var imageDialog = await OpenDialogFromToolbarAsync("Image", "Insérer une image");
        var search = imageDialog.GetByLabel("Rechercher une image", new() { Exact = true });
        await Expect(search).ToBeFocusedAsync();
        await Expect(imageDialog.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
        await Axe.AssertNoViolationsAsync(Page);
        await Page.Keyboard.TypeAsync("parc");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(imageDialog.GetByRole(AriaRole.Radio)).ToHaveCountAsync(1);
        var park = imageDialog.GetByRole(AriaRole.Radio, new() { Name = "Le parc communal au printemps" });
        await TabUntilFocusedAsync(park, maxPresses: 3);
        await Page.Keyboard.PressAsync("Space");
        await Expect(park).ToBeCheckedAsync();
        await TabUntilFocusedAsync(imageDialog.GetByRole(AriaRole.Button, new() { Name = "Insérer", Exact = true }), maxPresses: 2);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(imageDialog).ToBeHiddenAsync();
        await Expect(Editable).ToBeFocusedAsync();
        await Expect(Editable.GetByRole(AriaRole.Img, new() { Name = "Le parc communal au printemps" })).ToBeVisibleAsync();
        await Expect(Textarea).ToHaveValueAsync(new Regex("<img src=\"/medias/essai/parc\\.png\" alt=\"Le parc communal au printemps\">"));
        await Axe.AssertNoViolationsAsync(Page);

        // The hidden textarea is what the form posts.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true })).ToBeFocusedAsync();
        await PressAndFollowAsync("Enter");
        var posted = QueryHelpers.ParseQuery(Assert.Single(postedBodies))["body"].ToString();
        Assert.Contains("<strong>Horaires du guichet</strong>", posted, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.bellefontaine.be/horaires\">Nos horaires</a>", posted, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/medias/essai/parc.png\" alt=\"Le parc communal au printemps\">", posted, StringComparison.Ordinal);

        Assert.Empty(cspViolations);
    }

    [Fact]
    public async Task Without_a_media_picker_there_is_no_image_button_the_error_summary_leads_to_the_editor_and_the_toolbar_wraps_at_320_px()
    {
        await Page.SetViewportSizeAsync(320, 640);
        await OpenFixtureAsync(withPicker: false, withError: true);

        // The field's error is the editable area's: said, and reached from the error summary.
        await Expect(Editable).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Editable).ToHaveAttributeAsync("aria-describedby", "body-hint body-error");
        var summary = Page.Locator("[data-error-summary]");
        await Expect(summary).ToBeFocusedAsync();
        await TabUntilFocusedAsync(summary.GetByRole(AriaRole.Link, new() { Name = "Saisissez le corps du texte." }), maxPresses: 2);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Editable).ToBeFocusedAsync();

        // Nothing to undo yet: said, and still reachable with the arrows.
        await Expect(ToolbarButton("Annuler")).ToHaveAttributeAsync("aria-disabled", "true");

        // A heading, then a bulleted list, from which Tab still leaves the editor (it does not indent: no trap).
        await PressToolbarButtonAsync("Titre de niveau 2");
        await Expect(Editable).ToBeFocusedAsync();
        await Expect(Textarea).ToHaveValueAsync(new Regex("^<h2>Bienvenue à Bellefontaine\\.</h2>$"));
        await Expect(ToolbarButton("Titre de niveau 2")).ToHaveAttributeAsync("aria-pressed", "true");
        await Page.Keyboard.PressAsync("Control+End");
        await Page.Keyboard.PressAsync("Enter");
        await PressToolbarButtonAsync("Liste à puces");
        // The focus goes back to the text once the list is made: type only then, as a person who sees the caret.
        await Expect(Editable).ToBeFocusedAsync();
        await Expect(ToolbarButton("Liste à puces")).ToHaveAttributeAsync("aria-pressed", "true");
        await Page.Keyboard.TypeAsync("Passeport");
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.TypeAsync("Permis de conduire");
        await Expect(ToolbarButton("Liste à puces")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Textarea).ToHaveValueAsync(new Regex("<ul><li><p>Passeport</p></li><li><p>Permis de conduire</p></li></ul>$"));
        // In a second item Tab could indent it (TipTap's default); here it leaves, and the list is unchanged.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true })).ToBeFocusedAsync();
        await Expect(Textarea).ToHaveValueAsync(new Regex("<li><p>Passeport</p></li><li><p>Permis de conduire</p></li></ul>$"));
        await Page.Keyboard.PressAsync("Shift+Tab");

        await Expect(ToolbarButton("Gras")).ToBeVisibleAsync();
        await Expect(ToolbarButton("Lien")).ToBeVisibleAsync();
        await Expect(Toolbar.GetByRole(AriaRole.Button, new() { Name = "Image", Exact = true })).ToHaveCountAsync(0);
        // There is something to undo now (at first there was not).
        await Expect(ToolbarButton("Annuler")).Not.ToHaveAttributeAsync("aria-disabled", "true");

        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide in a {widths[1]} px viewport: it scrolls sideways.");
        await Axe.AssertNoViolationsAsync(Page);

        // Escape closes the link dialog and gives the focus back to the text.
        var linkDialog = await OpenDialogFromToolbarAsync("Lien", "Lien");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(linkDialog).ToBeHiddenAsync();
        await Expect(Editable).ToBeFocusedAsync();

        // Pasted from elsewhere: another host's image, a javascript: link and inline styles do not get in (nor break the CSP).
        await Editable.EvaluateAsync("""
            editable => {
                const data = new DataTransfer();
                data.setData('text/html', '<p style="color: red">Collé <a href="javascript:alert(1)">piège</a> <img src="https://ailleurs.example/photo.png" alt="Photo"> <img src="data:image/png;base64,iVBORw0KGgo=" alt="Encodée"></p>');
                data.setData('text/plain', 'Collé piège');
                editable.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """);
        await Expect(Textarea).ToHaveValueAsync(new Regex("Collé piège"));
        var value = await Textarea.InputValueAsync();
        Assert.DoesNotContain("javascript:", value, StringComparison.Ordinal);
        Assert.DoesNotContain("ailleurs.example", value, StringComparison.Ordinal);
        Assert.DoesNotContain("data:", value, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", value, StringComparison.Ordinal);
        Assert.Empty(cspViolations);
    }

    private ILocator ToolbarButton(string name) => Toolbar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Goes from the editable area back into the toolbar (Shift+Tab), arrows to the button and presses Enter.</summary>
    private async Task PressToolbarButtonAsync(string button)
    {
        await Expect(Editable).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Shift+Tab");
        var target = ToolbarButton(button);
        for (var presses = 0; presses < 20 && !await IsFocusedAsync(target); presses++)
        {
            await Page.Keyboard.PressAsync("ArrowRight");
        }

        await Expect(target).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
    }

    private async Task<ILocator> OpenDialogFromToolbarAsync(string button, string dialogName)
    {
        await PressToolbarButtonAsync(button);
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = dialogName, Exact = true });
        await Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    /// <summary>
    /// Serves the fixture form on the tenant's origin with the Content-Security-Policy the site itself sends (read from
    /// its sign-in page), the media picker's JSON and the images; the form's POST is recorded.
    /// </summary>
    private async Task OpenFixtureAsync(bool withPicker, bool withError = false)
    {
        // Chromium reports a refused inline style or script on the console; the page's own event says it too.
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspViolations.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => cspViolations.Add("page error: " + error);
        await Page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => console.error(
                'Content Security Policy violation: ' + e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));
            """);

        var signIn = await Page.GotoAsync(fixture.Tenant.Url("/admin/connexion")) ?? throw new InvalidOperationException("No sign-in page.");
        var policy = await signIn.HeaderValueAsync("content-security-policy") ?? throw new InvalidOperationException("The site sends no Content-Security-Policy.");
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);

        var html = FixtureHtml(withPicker ? $" data-media-picker-url=\"{PickerPath}\"" : string.Empty, withError);
        await Page.RouteAsync(fixture.Tenant.Url(FixturePath), async route =>
        {
            if (route.Request.Method == "POST")
            {
                postedBodies.Add(route.Request.PostData ?? string.Empty);
            }

            await route.FulfillAsync(new()
            {
                Status = 200,
                ContentType = "text/html; charset=utf-8",
                Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = policy },
                Body = route.Request.Method == "POST" ? "<!doctype html><html lang=\"fr\"><title>Enregistré</title><main><h1>Enregistré</h1></main></html>" : html,
            });
        });
        await Page.RouteAsync(new Regex("/admin/medias/choix(\\?.*)?$"), async route =>
        {
            var q = QueryHelpers.ParseQuery(new Uri(route.Request.Url).Query).TryGetValue("q", out var value) ? value.ToString() : string.Empty;
            var found = Library.Where(choice => choice.Alt.Contains(q, StringComparison.OrdinalIgnoreCase)).ToArray();
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(found, JsonOptions) });
        });
        await Page.RouteAsync(new Regex("/medias/essai/[a-z-]+\\.png$"), route =>
            route.FulfillAsync(new() { Status = 200, ContentType = "image/png", BodyBytes = TinyPng }));

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url(FixturePath)));
        await Expect(Toolbar).ToBeVisibleAsync();
        await Expect(Editable).ToContainTextAsync("Bienvenue à Bellefontaine.");
    }

    /// <summary>A form as the back office's partials write it (_ErrorSummary, _TextArea with rich: true).</summary>
    private static string FixtureHtml(string pickerAttribute, bool withError) => $$"""
        <!doctype html>
        <html lang="fr">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Essai de l'éditeur de texte</title>
          <link rel="stylesheet" href="/admin/assets/admin.css">
          <script src="/admin/assets/admin.js" defer></script>
        </head>
        <body>
          <main class="admin-container">
            <h1>Essai de l'éditeur de texte</h1>
            {{(withError ? ErrorSummaryHtml : string.Empty)}}
            <form method="post" action="{{FixturePath}}">
              <div class="field{{(withError ? " field-error" : string.Empty)}}">
                <label for="body" id="body-label">Corps du texte <span class="optional">(facultatif)</span></label>
                <p id="body-hint" class="hint">Le texte principal de la page.</p>
                {{(withError ? "<p id=\"body-error\" class=\"error-message\"><span class=\"visually-hidden\">Erreur :</span> Saisissez le corps du texte.</p>" : string.Empty)}}
                <textarea id="body" name="body" rows="8" data-rich-text{{pickerAttribute}}{{(withError ? " aria-invalid=\"true\" aria-describedby=\"body-hint body-error\"" : " aria-describedby=\"body-hint\"")}}>&lt;p&gt;Bienvenue à Bellefontaine.&lt;/p&gt;</textarea>
              </div>
              <button type="submit" class="button">Enregistrer</button>
            </form>
          </main>
        </body>
        </html>
        """;

    private const string ErrorSummaryHtml = """
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" data-error-summary>
          <h2 id="error-summary-title" class="error-summary-title">Il y a un problème</h2>
          <ul class="error-summary-list"><li><a href="#body">Saisissez le corps du texte.</a></li></ul>
        </div>
        """;

    /// <summary>One image as the media picker answers it (serialized in camelCase, as ASP.NET Core does).</summary>
    private sealed record MediaChoiceJson(string Id, string Name, string Url, string ThumbnailUrl, string Alt, int Width, int Height, string? Folder);
}
