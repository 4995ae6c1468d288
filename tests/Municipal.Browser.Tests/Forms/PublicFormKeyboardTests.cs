using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Tenancy;
using Municipal.Forms.Model;
using Municipal.Forms.Storage;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Forms;

/// <summary>A municipality with a two-step booking form (a choice with a condition, a date, an address, a file, a consent).</summary>
public sealed class BookingFormTenantFixture(MunicipalServer server) : IAsyncLifetime
{
    public const string Slug = "reserver-salle";

    private TestTenant? tenant;

    public TestTenant Tenant => tenant ?? throw new InvalidOperationException("The tenant is not provisioned yet.");

    public async Task InitializeAsync()
    {
        tenant = await server.CreateTenantAsync("eguichet", "Commune de Bellefontaine", "municipality");
        var registry = server.Services.GetRequiredService<TenantRegistry>();
        registry.Invalidate();
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set((await registry.FindAsync(tenant.Name))!);
        await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(Booking(), default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static FormDefinition Booking() => new()
    {
        Slug = Slug,
        Title = "Réserver une salle communale",
        Intro = "Réservez une salle pour une fête ou une réunion.",
        ConfirmationText = "Le service des salles vous répond sous dix jours ouvrables.",
        Steps =
        [
            new FormStep
            {
                Title = "La réservation",
                Fields =
                [
                    new ChoiceField { Name = "salle", Label = "Salle", Required = true, Options = [new("grande", "Grande salle"), new("petite", "Petite salle")] },
                    new BooleanField { Name = "traiteur", Label = "Faites-vous appel à un traiteur ?", Required = true },
                    new TextField { Name = "traiteurNom", Label = "Nom du traiteur", Required = true, Condition = new FieldCondition("traiteur", "true") },
                    new DateField { Name = "jour", Label = "Date de l'événement", Required = true, Hint = "Par exemple 27 3 2027" },
                ],
            },
            new FormStep
            {
                Title = "Vos coordonnées",
                Fields =
                [
                    new InfoField { Name = "info", Label = "Vos données servent uniquement à traiter la réservation." },
                    new TextField { Name = "nom", Label = "Nom et prénom", Required = true, PersonalData = true },
                    new AddressField { Name = "adresse", Label = "Votre adresse", Required = true, PersonalData = true },
                    new FileField { Name = "plan", Label = "Plan d'installation", Hint = "Un PDF de 100 Ko au plus.", AcceptedTypes = ["application/pdf"], MaxBytes = 100_000 },
                    new ConsentField { Name = "accord", Label = "J'accepte le règlement des salles", Required = true },
                ],
            },
        ],
    };
}

/// <summary>A citizen fills a form of the e-counter by keyboard alone; axe finds nothing on any page of the way.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PublicFormKeyboardTests(MunicipalServer server, BookingFormTenantFixture fixture)
    : BrowserTest(server), IClassFixture<BookingFormTenantFixture>
{
    [Fact]
    public async Task A_citizen_completes_a_two_step_form_by_keyboard_fixes_a_mistake_from_the_error_summary_and_gets_a_code()
    {
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/e-guichet/" + BookingFormTenantFixture.Slug)));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Réserver une salle communale");
        await Expect(Page.GetByLabel("Nom du traiteur", new() { Exact = true })).ToBeHiddenAsync();
        await Axe.AssertNoViolationsAsync(Page);

        // A mistake: "Continuer" with nothing answered. The error summary takes the focus; its first link leads to the field.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Continuer", Exact = true }));
        Assert.Equal(400, await PressAndFollowAsync("Enter"));
        var summary = Page.Locator("[data-error-summary]");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(3);
        await Expect(Page).ToHaveTitleAsync(new Regex("^Erreur :"));
        await Axe.AssertNoViolationsAsync(Page);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(summary.GetByRole(AriaRole.Link).First).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        var large = Page.GetByLabel("Grande salle", new() { Exact = true });
        await Expect(large).ToBeFocusedAsync();

        // Step 1: a choice, "yes" to the caterer which reveals its name, a date in three boxes.
        await Page.Keyboard.PressAsync("Space");
        await Expect(large).ToBeCheckedAsync();
        var yes = Page.GetByRole(AriaRole.Group, new() { Name = "Faites-vous appel à un traiteur ?" }).GetByLabel("Oui", new() { Exact = true });
        await TabUntilFocusedAsync(yes, maxPresses: 3);
        await Page.Keyboard.PressAsync("Space");
        var caterer = Page.GetByLabel("Nom du traiteur", new() { Exact = true });
        await Expect(caterer).ToBeVisibleAsync();
        await TabUntilFocusedAsync(caterer, maxPresses: 3);
        await Page.Keyboard.TypeAsync("Chez Paul");
        await TabUntilFocusedAsync(Page.GetByLabel("Jour", new() { Exact = true }), maxPresses: 3);
        await Page.Keyboard.TypeAsync("15");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("6");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("2027");
        Assert.Equal(302, await PressAndFollowAsync("Enter"));

        // Step 2: the address's five inputs, a file chosen from the keyboard, the consent.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Vos coordonnées" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await TabUntilFocusedAsync(Page.GetByLabel("Nom et prénom", new() { Exact = true }));
        await Page.Keyboard.TypeAsync("Marie Dupont");
        foreach (var (label, text) in new[] { ("Rue", "Rue de Fer"), ("Numéro", "12"), ("Code postal", "5000"), ("Localité", "Namur") })
        {
            await TabUntilFocusedAsync(Page.GetByLabel(label, new() { Exact = true }), maxPresses: 3);
            await Page.Keyboard.TypeAsync(text);
        }

        await Expect(Page.GetByLabel("Rue", new() { Exact = true })).ToHaveAttributeAsync("autocomplete", "address-line1");
        await TabUntilFocusedAsync(Page.GetByLabel("Plan d'installation (facultatif)", new() { Exact = true }), maxPresses: 3);
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => Page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(new FilePayload { Name = "plan.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% plan\n%%EOF\n") });
        await TabUntilFocusedAsync(Page.GetByLabel("J'accepte le règlement des salles", new() { Exact = true }), maxPresses: 3);
        await Page.Keyboard.PressAsync("Space");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Continuer", Exact = true }), maxPresses: 3);
        Assert.Equal(302, await PressAndFollowAsync("Enter"));

        // The summary: every answer, with a "Modifier" link; the e-mail asked once, here.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vérifiez vos réponses");
        var main = Page.GetByRole(AriaRole.Main);
        foreach (var answer in new[] { "Grande salle", "Oui", "Chez Paul", "15/06/2027", "Marie Dupont", "Rue de Fer 12, 5000 Namur", "plan.pdf" })
        {
            await Expect(main).ToContainTextAsync(answer);
        }

        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Modifier Salle", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await TabUntilFocusedAsync(Page.GetByLabel("Votre adresse e-mail", new() { Exact = true }), maxPresses: 60);
        await Page.Keyboard.TypeAsync("marie@exemple.be");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande", Exact = true }), maxPresses: 3);
        Assert.Equal(302, await PressAndFollowAsync("Enter"));

        // The confirmation: the code, prominent, and the way to follow the request.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demande envoyée");
        await Expect(Page.Locator(".eform-code")).ToHaveTextAsync(new Regex("^EG-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]$"));
        await Expect(main).ToContainTextAsync("Le service des salles vous répond sous dix jours ouvrables.");
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Fact]
    public async Task The_form_reads_at_320_pixels_without_horizontal_scrolling()
    {
        await Page.SetViewportSizeAsync(320, 640);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/e-guichet/" + BookingFormTenantFixture.Slug)));
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Axe.AssertNoViolationsAsync(Page);
    }
}
