using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Forms;

/// <summary>
/// The three forms the recipes ship, each completed by keyboard alone from its procedure page of the demo
/// municipality: the first step on the page itself, the next ones on the form's own pages, then the summary and the
/// confirmation. axe finds nothing on any of them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ShippedFormsKeyboardTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    [Fact]
    public async Task A_citizen_asks_for_a_residence_certificate_by_keyboard_from_its_procedure_page()
    {
        await OpenProcedureAsync("/demarches/certificat-de-residence", "Demande de certificat de résidence");
        await TypeAsync("#f-nom", "Dupont");
        await TypeAsync("#f-prenom", "Marie");
        await TypeAsync("#f-numeroNational", "85.07.30-033.28");
        await ContinueAsync("Le certificat");

        await ChooseAsync("#f-type", 0);
        await ChooseAsync("#f-usage", 2);
        await Expect(Page.Locator("#f-usageAutre")).ToBeVisibleAsync();
        await TypeAsync("#f-usageAutre", "Pour mon employeur", maxPresses: 3);
        await TypeAsync("#f-exemplaires", "2", maxPresses: 3);
        await ChooseAsync("#f-envoi", 0);
        await ContinueAsync("Confirmation");

        await TickAsync("#f-consentement");
        await ContinueToSummaryAsync();
        await SendAsync(["Dupont", "Marie", "Certificat de résidence (adresse actuelle)", "Pour mon employeur", "Par e-mail, en PDF signé"]);
    }

    [Fact]
    public async Task A_citizen_reports_a_problem_with_a_photo_and_an_address_by_keyboard_from_its_procedure_page()
    {
        await OpenProcedureAsync("/demarches/signaler-un-probleme", "Signaler un problème sur la voie publique");
        await ChooseAsync("#f-categorie", 1);
        await TypeAsync("#f-description", "Le lampadaire devant le numéro 8 ne s'allume plus depuis lundi.", maxPresses: 6);
        await TabUntilFocusedAsync(Page.Locator("#f-photos"), maxPresses: 3);
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => Page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(new FilePayload { Name = "lampadaire.png", MimeType = "image/png", Buffer = Png });
        await ContinueAsync("L'endroit");

        await TypeAsync("#f-lieu-street", "Rue de la Gare");
        await TypeAsync("#f-lieu-number", "8", maxPresses: 3);
        await TypeAsync("#f-lieu-postalCode", "5000", maxPresses: 3);
        await TypeAsync("#f-lieu-locality", "Valmont", maxPresses: 3);
        await ContinueAsync("Vos coordonnées");

        await TickAsync("#f-consentement");
        await ContinueToSummaryAsync();
        await SendAsync(["Éclairage public en panne", "lampadaire.png", "Rue de la Gare 8, 5000 Valmont"]);
    }

    [Fact]
    public async Task A_citizen_books_a_room_with_a_date_and_conditional_answers_by_keyboard_and_fixes_a_mistake()
    {
        await OpenProcedureAsync("/demarches/reserver-une-salle", "Réserver une salle communale");
        await ChooseAsync("#f-salle", 1);
        await TypeAsync("#f-date-day", "14", maxPresses: 5);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("2");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("2027");
        await ChooseAsync("#f-occasion", 1);
        await TypeAsync("#f-association", "Les Amis du Quartier", maxPresses: 3);

        // A mistake: the number of people is forgotten. The error summary names it and its link leads to the input.
        Assert.Equal(400, await PressAndFollowAsync("Enter"));
        var summary = Page.Locator("[data-error-summary]");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(Page);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#f-personnes")).ToBeFocusedAsync();
        await Expect(Page.Locator("#f-association")).ToHaveValueAsync("Les Amis du Quartier");
        await Page.Keyboard.TypeAsync("45");
        await ContinueAsync("Les options");

        await ChooseAsync("#f-cuisine", 1);
        await ChooseAsync("#f-boissons", 0);
        await ChooseAsync("#f-typeBoissons", 0);
        await ContinueAsync("Vos coordonnées");

        await TypeAsync("#f-nom", "Marie Dupont");
        await TypeAsync("#f-telephone", "081 12 34 56", maxPresses: 4);
        await TypeAsync("#f-adresse-street", "Rue de Fer", maxPresses: 4);
        await TypeAsync("#f-adresse-number", "12", maxPresses: 3);
        await TypeAsync("#f-adresse-postalCode", "5000", maxPresses: 3);
        await TypeAsync("#f-adresse-locality", "Valmont", maxPresses: 3);
        await TickAsync("#f-consentement");
        await ContinueToSummaryAsync();
        await SendAsync(["Salle de village (60 personnes)", "14/02/2027", "Les Amis du Quartier", "45", "Boissons fermentées (bière, vin)", "Rue de Fer 12, 5000 Valmont"]);
    }

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private async Task OpenProcedureAsync(string path, string formTitle)
    {
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url(path)));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = formTitle, Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    /// <summary>Tabs to an input and types into it.</summary>
    private async Task TypeAsync(string selector, string text, int maxPresses = 80)
    {
        await TabUntilFocusedAsync(Page.Locator(selector), maxPresses);
        await Page.Keyboard.TypeAsync(text);
    }

    /// <summary>Tabs into a radio group (on its first option) and picks the option at <paramref name="index"/> with the arrow keys.</summary>
    private async Task ChooseAsync(string firstOption, int index)
    {
        await TabUntilFocusedAsync(Page.Locator(firstOption), maxPresses: 80);
        await Page.Keyboard.PressAsync("Space");
        for (var i = 0; i < index; i++)
        {
            await Page.Keyboard.PressAsync("ArrowDown");
        }

        await Expect(Page.Locator("input[type=radio]:focus")).ToBeCheckedAsync();
    }

    private async Task TickAsync(string selector)
    {
        await TabUntilFocusedAsync(Page.Locator(selector), maxPresses: 80);
        await Page.Keyboard.PressAsync("Space");
        await Expect(Page.Locator(selector)).ToBeCheckedAsync();
    }

    /// <summary>Tabs to "Continuer", presses Enter, and checks the next step's heading and axe.</summary>
    private async Task ContinueAsync(string nextStep)
    {
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Continuer", Exact = true }), maxPresses: 80);
        Assert.Equal(302, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = nextStep, Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    private async Task ContinueToSummaryAsync()
    {
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Continuer", Exact = true }), maxPresses: 80);
        Assert.Equal(302, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vérifiez vos réponses");
        await Axe.AssertNoViolationsAsync(Page);
    }

    /// <summary>On the summary: checks the answers, gives the e-mail, sends, and checks the confirmation.</summary>
    private async Task SendAsync(string[] answers)
    {
        var main = Page.GetByRole(AriaRole.Main);
        foreach (var answer in answers)
        {
            await Expect(main).ToContainTextAsync(answer);
        }

        await TypeAsync("#f-email", "marie@exemple.be", maxPresses: 120);
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande", Exact = true }), maxPresses: 3);
        Assert.Equal(302, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demande envoyée");
        await Expect(Page.Locator(".eform-code")).ToHaveTextAsync(TrackingCode());
        await Axe.AssertNoViolationsAsync(Page);
    }

    [GeneratedRegex("^EG-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]$")]
    private static partial Regex TrackingCode();
}
