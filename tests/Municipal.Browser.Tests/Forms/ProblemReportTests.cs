using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Forms;

/// <summary>
/// The shipped "Signaler un problème" form as a citizen meets it on the spot, by keyboard alone, on a phone (375 px)
/// and on a desktop (1280 px): a photo over the limit is named before anything is sent and "Réduire la photo" makes it
/// acceptable; "Utiliser ma position" fills the place's position (or says it was refused); the step counter counts
/// the summary. axe finds nothing at each stage.
/// </summary>
public abstract class ProblemReportTests(MunicipalServer server, DemoTenantFixture fixture) : BrowserTest(server)
{
    private const string FormPath = "/e-guichet/signaler-un-probleme";
    private const long Limit = 5 * 1024 * 1024;

    [Fact]
    public async Task A_photo_over_the_limit_is_named_before_sending_and_reducing_it_lets_the_report_go_through()
    {
        await OpenAsync();
        await Expect(Page.Locator(".eform-progress")).ToHaveTextAsync("Étape 1 sur 4");
        await DescribeAsync();
        await TabUntilFocusedAsync(Page.Locator("#f-photos"), maxPresses: 3);
        var photo = Convert.FromBase64String(await Page.EvaluateAsync<string>(NoisyPng));
        Assert.True(photo.Length > Limit, $"The test photo weighs {photo.Length} bytes.");
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => Page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(new FilePayload { Name = "nid-de-poule.png", MimeType = "image/png", Buffer = photo });

        // Said at once, in the server's words, tied to the input.
        var error = Page.Locator("#f-photos-size-error");
        await Expect(error).ToHaveTextAsync("Erreur : Le fichier « nid-de-poule.png » joint à « Photos » doit peser au plus 5 Mo.");
        await Expect(Page.Locator("#f-photos")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#f-photos")).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex(@"\bf-photos-size-error\b"));
        await Axe.AssertNoViolationsAsync(Page);

        var reduce = Page.GetByRole(AriaRole.Button, new() { Name = "Réduire la photo", Exact = true });
        await TabUntilFocusedAsync(reduce, maxPresses: 1);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#f-photos-status")).ToHaveTextAsync("La photo « nid-de-poule.png » a été réduite sous 5 Mo : elle peut être envoyée.", new() { Timeout = 60_000 });
        await Expect(error).ToHaveCountAsync(0);
        await Expect(reduce).ToBeHiddenAsync();
        await Expect(Page.Locator("#f-photos")).ToBeFocusedAsync();
        Assert.Equal("nid-de-poule.jpg", await Page.Locator("#f-photos").EvaluateAsync<string>("input => input.files[0].name"));
        Assert.InRange(await Page.Locator("#f-photos").EvaluateAsync<long>("input => input.files[0].size"), 1, Limit);
        await Axe.AssertNoViolationsAsync(Page);

        await ContinueAsync("L'endroit", "Étape 2 sur 4");
        await TypeAsync("#f-lieu-street", "Rue de la Gare", maxPresses: 80);
        await TypeAsync("#f-lieu-postalCode", "5000", maxPresses: 4);
        await TypeAsync("#f-lieu-locality", "Valmont", maxPresses: 3);
        await ContinueAsync("Vos coordonnées", "Étape 3 sur 4");
        await ConsentAndCheckSummaryAsync(["nid-de-poule.jpg", "Rue de la Gare, 5000 Valmont"]);
    }

    [Fact]
    public async Task Use_my_position_fills_the_place_without_offering_the_home_address()
    {
        await Page.Context.GrantPermissionsAsync(["geolocation"], new() { Origin = fixture.Tenant.Url("/").TrimEnd('/') });
        await Page.Context.SetGeolocationAsync(new Geolocation { Latitude = 50.4651f, Longitude = 4.866f, Accuracy = 20 });
        await OpenAsync();
        await DescribeAsync();
        await ContinueAsync("L'endroit", "Étape 2 sur 4");

        // The place is not the citizen's home: no home-address autocompletion.
        foreach (var part in new[] { "street", "number", "postalCode", "locality" })
        {
            await Expect(Page.Locator($"#f-lieu-{part}")).ToHaveAttributeAsync("autocomplete", "off");
        }

        await UseMyPositionAsync();
        await Expect(Page.Locator("#f-lieu-locate-status")).ToHaveTextAsync(
            "Position trouvée, à 20 m près : latitude 50.46510, longitude 4.86600. Elle est inscrite ci-dessous ; ajoutez l'adresse si vous la connaissez.");
        await Expect(Page.GetByLabel("Latitude", new() { Exact = true })).ToHaveValueAsync("50.46510");
        await Expect(Page.GetByLabel("Longitude", new() { Exact = true })).ToHaveValueAsync("4.86600");
        await Axe.AssertNoViolationsAsync(Page);

        // The position alone is enough: no address typed.
        await ContinueAsync("Vos coordonnées", "Étape 3 sur 4");
        await ConsentAndCheckSummaryAsync(["position 50.46510, 4.86600"]);
    }

    [Fact]
    public async Task Use_my_position_says_so_when_the_browser_refuses()
    {
        await OpenAsync();
        await DescribeAsync();
        await ContinueAsync("L'endroit", "Étape 2 sur 4");

        await UseMyPositionAsync();
        await Expect(Page.Locator("#f-lieu-locate-status")).ToHaveTextAsync(
            "Votre position n'a pas été partagée : votre navigateur ne l'a pas autorisé. Saisissez l'adresse de l'endroit.");
        await Expect(Page.GetByLabel("Latitude", new() { Exact = true })).ToHaveValueAsync("");
        await Axe.AssertNoViolationsAsync(Page);
    }

    /// <summary>A PNG of random pixels (which no encoder shrinks) of about 7 MB, as base64.</summary>
    private const string NoisyPng = """
        async () => {
          const canvas = document.createElement('canvas');
          canvas.width = 1800; canvas.height = 1400;
          const context = canvas.getContext('2d');
          const image = context.createImageData(canvas.width, canvas.height);
          for (let i = 0; i < image.data.length; i++) { image.data[i] = i % 4 === 3 ? 255 : (Math.random() * 256) | 0; }
          context.putImageData(image, 0, 0);
          const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
          const bytes = new Uint8Array(await blob.arrayBuffer());
          let text = '';
          for (let i = 0; i < bytes.length; i += 0x8000) { text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)); }
          return btoa(text);
        }
        """;

    private async Task OpenAsync()
    {
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url(FormPath)));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Le problème", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    private async Task DescribeAsync()
    {
        await TabUntilFocusedAsync(Page.Locator("#f-categorie"), maxPresses: 80);
        await Page.Keyboard.PressAsync("Space");
        await TypeAsync("#f-description", "Un trou profond au milieu de la chaussée, dangereux pour les vélos.", maxPresses: 6);
    }

    /// <summary>Tabs to "Utiliser ma position" and presses it.</summary>
    private async Task UseMyPositionAsync()
    {
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Utiliser ma position", Exact = true }), maxPresses: 80);
        await Page.Keyboard.PressAsync("Enter");
    }

    private async Task TypeAsync(string selector, string text, int maxPresses)
    {
        await TabUntilFocusedAsync(Page.Locator(selector), maxPresses);
        await Page.Keyboard.TypeAsync(text);
    }

    private async Task ContinueAsync(string nextStep, string progress)
    {
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Continuer", Exact = true }), maxPresses: 80);
        Assert.Equal(302, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = nextStep, Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator(".eform-progress")).ToHaveTextAsync(progress);
        await Axe.AssertNoViolationsAsync(Page);
    }

    private async Task ConsentAndCheckSummaryAsync(string[] answers)
    {
        await TabUntilFocusedAsync(Page.Locator("#f-consentement"), maxPresses: 80);
        await Page.Keyboard.PressAsync("Space");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Continuer", Exact = true }), maxPresses: 80);
        Assert.Equal(302, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vérifiez vos réponses");
        await Expect(Page.Locator(".eform-progress").Last).ToHaveTextAsync("Étape 4 sur 4 : vérification de vos réponses");
        var main = Page.GetByRole(AriaRole.Main);
        foreach (var answer in answers)
        {
            await Expect(main).ToContainTextAsync(answer);
        }

        await Axe.AssertNoViolationsAsync(Page);
        await TabUntilFocusedAsync(Page.Locator("#f-email"), maxPresses: 120);
        await Page.Keyboard.TypeAsync("marie@exemple.be");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande", Exact = true }), maxPresses: 3);
        Assert.Equal(302, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demande envoyée");
        await Axe.AssertNoViolationsAsync(Page);
    }
}

[Collection(BrowserCollection.Name)]
public sealed class ProblemReportOnPhoneTests(MunicipalServer server, DemoTenantFixture fixture)
    : ProblemReportTests(server, fixture), IClassFixture<DemoTenantFixture>
{
    protected override ViewportSize? Viewport => new() { Width = 375, Height = 740 };
}

[Collection(BrowserCollection.Name)]
public sealed class ProblemReportOnDesktopTests(MunicipalServer server, DemoTenantFixture fixture)
    : ProblemReportTests(server, fixture), IClassFixture<DemoTenantFixture>;
