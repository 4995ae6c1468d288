using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Forms;

/// <summary>An editor builds a small form by keyboard alone; axe on the list, the settings, the step and the field editors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormBuilderTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private ILocator Notice => Page.Locator("[data-notice]");

    [Fact]
    public async Task An_editor_builds_a_form_with_a_conditional_field_by_keyboard_and_enables_it()
    {
        var (email, password) = await Server.CreateUserAsync(fixture.Tenant, "Editor");
        await SignInAsync(fixture.Tenant, email, password);

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/e-guichet/formulaires")));
        await Expect(Heading).ToHaveTextAsync("Formulaires de l'e-guichet");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Formulaires", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Axe.AssertNoViolationsAsync(Page);
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Créer un formulaire" }));
        await PressAndFollowAsync("Enter");

        // Settings, first sent empty: the error summary takes the focus.
        await Expect(Heading).ToHaveTextAsync("Créer un formulaire");
        await Axe.AssertNoViolationsAsync(Page);
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Créer le formulaire" }), maxPresses: 60);
        await PressAndFollowAsync("Enter");
        await Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator(".error-summary")).ToContainTextAsync("Saisissez le titre du formulaire.");
        await Expect(Page).ToHaveTitleAsync(new Regex("^Erreur : Créer un formulaire"));
        await Axe.AssertNoViolationsAsync(Page);
        await TabUntilFocusedAsync(Page.GetByLabel("Titre du formulaire"));
        await Page.Keyboard.TypeAsync("Réserver la salle des fêtes");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Créer le formulaire" }), maxPresses: 20);
        await PressAndFollowAsync("Enter");

        await Expect(Heading).ToHaveTextAsync("Formulaire « Réserver la salle des fêtes »");
        await Expect(Notice).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await TabUntilFocusedAsync(Page.GetByLabel("Titre de l'étape"));
        await Page.Keyboard.TypeAsync("Votre réservation");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'étape" }), maxPresses: 3);
        await PressAndFollowAsync("Enter");
        await Expect(Notice).ToHaveTextAsync("L'étape « Votre réservation » a été ajoutée.");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Modifier l'étape « Votre réservation »" }));
        await PressAndFollowAsync("Enter");

        // The step: a short text, a single choice with options, and a long text shown only for one choice.
        await Expect(Heading).ToHaveTextAsync("Étape 1 : Votre réservation");
        await Axe.AssertNoViolationsAsync(Page);
        await AddFieldAsync(arrowDowns: 0, "Nom de l'organisateur");
        await Expect(Heading).ToHaveTextAsync("Champ « Nom de l'organisateur »");
        await Expect(Notice).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await TabUntilFocusedAsync(Page.GetByLabel("Réponse obligatoire"));
        await Page.Keyboard.PressAsync("Space");
        await SaveFieldAsync();
        await Expect(Notice).ToHaveTextAsync("Le champ « Nom de l'organisateur » a été enregistré.");

        await AddFieldAsync(arrowDowns: 6, "Type de salle");
        await Expect(Page.GetByText("Type de champ : Choix unique.")).ToBeVisibleAsync();
        await TabUntilFocusedAsync(Page.GetByLabel("Choix", new() { Exact = true }));
        await Page.Keyboard.TypeAsync("Grande salle\nPetite salle");
        await SaveFieldAsync();

        await AddFieldAsync(arrowDowns: 1, "Matériel souhaité");
        await TabUntilFocusedAsync(Page.GetByLabel("Afficher seulement si le champ"), maxPresses: 60);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.GetByLabel("Afficher seulement si le champ")).ToHaveValueAsync("type-de-salle");
        await TabUntilFocusedAsync(Page.GetByLabel("a la valeur"), maxPresses: 3);
        await Page.Keyboard.TypeAsync("Grande salle");
        await SaveFieldAsync();
        await Expect(Page.Locator("#field-2")).ToContainTextAsync("Affiché si « Type de salle » vaut « Grande salle »");
        await Axe.AssertNoViolationsAsync(Page);

        // A file field's editor: its own inputs (number of files, size, accepted types).
        await AddFieldAsync(arrowDowns: 9, "Plan de la salle");
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "PDF" })).ToBeCheckedAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await SaveFieldAsync();

        // Publish, then enable.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Retour au formulaire" }));
        await PressAndFollowAsync("Enter");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Publier les modifications" }), maxPresses: 60);
        await PressAndFollowAsync("Enter");
        await Expect(Notice).ToHaveTextAsync("Le formulaire a été publié (version 1).");
        await Expect(Notice).ToBeFocusedAsync();
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Activer le formulaire" }), maxPresses: 60);
        await PressAndFollowAsync("Enter");
        await Expect(Notice).ToHaveTextAsync("Le formulaire est activé : les citoyens peuvent le remplir.");
        await Expect(Page.Locator(".summary-list")).ToContainTextAsync("Activé");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Voir le formulaire" })).ToHaveAttributeAsync("href", "/e-guichet/reserver-la-salle-des-fetes");
        await Axe.AssertNoViolationsAsync(Page);

        // 320 CSS pixels wide: nothing scrolls sideways.
        await Page.SetViewportSizeAsync(320, 800);
        foreach (var path in new[] { "", "/reserver-la-salle-des-fetes", "/reserver-la-salle-des-fetes/reglages", "/reserver-la-salle-des-fetes/etapes/1", "/reserver-la-salle-des-fetes/etapes/1/champs/2", "/reserver-la-salle-des-fetes/etapes/1/champs/4" })
        {
            Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/e-guichet/formulaires" + path)));
            var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide in a {widths[1]} px viewport.");
        }
    }

    /// <summary>On a step's page: chooses the type (arrow presses from "Texte court"), types the label, adds; lands on the field editor.</summary>
    private async Task AddFieldAsync(int arrowDowns, string label)
    {
        var type = Page.GetByLabel("Type de champ");
        await TabUntilFocusedAsync(type, maxPresses: 80);
        for (var i = 0; i < arrowDowns; i++)
        {
            await Page.Keyboard.PressAsync("ArrowDown");
        }

        await TabUntilFocusedAsync(Page.GetByLabel("Libellé"), maxPresses: 3);
        await Page.Keyboard.TypeAsync(label);
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le champ" }), maxPresses: 3);
        await PressAndFollowAsync("Enter");
        await Expect(Heading).ToHaveTextAsync($"Champ « {label} »");
    }

    private async Task SaveFieldAsync()
    {
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le champ" }), maxPresses: 60);
        var status = await PressAndFollowAsync("Enter");
        Assert.True(status != 400, "Refused: " + await Page.Locator("main").InnerTextAsync());
        await Expect(Heading).ToHaveTextAsync(new Regex("^Étape 1 : "));
    }
}
