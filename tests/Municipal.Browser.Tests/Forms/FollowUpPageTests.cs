using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Tenancy;
using Municipal.Forms.Model;
using Municipal.Forms.PublicFlow;
using Municipal.Forms.Requests;
using Municipal.Forms.Storage;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Forms;

/// <summary>The citizen's follow-up page, /e-guichet/suivi, by keyboard alone: lookup, error state, found state, answering the agent. Axe on each.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FollowUpPageTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private const string Email = "marie.dupont@exemple.be";

    private ILocator Code => Page.GetByLabel("Code de suivi", new() { Exact = true });

    private ILocator EmailField => Page.GetByLabel("Adresse e-mail", new() { Exact = true });

    private ILocator Summary => Page.Locator(".error-summary");

    [Fact]
    public async Task A_wrong_email_shows_a_focused_error_summary_and_the_lookup_form_has_no_axe_violation()
    {
        var code = await SubmitAsync(askQuestion: false);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url($"/e-guichet/suivi?code={code}")));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Suivre ma demande");
        await Expect(Code).ToHaveValueAsync(code);
        await Axe.AssertNoViolationsAsync(Page);

        await TabUntilFocusedAsync(EmailField);
        await Page.Keyboard.TypeAsync("pierre@exemple.be");
        await PressAndFollowAsync("Enter");

        await Expect(Summary).ToBeFocusedAsync();
        await Expect(Summary).ToHaveAttributeAsync("role", "alert");
        await Expect(Page).ToHaveTitleAsync(new Regex("^Erreur : Suivre ma demande"));
        await Expect(Summary).ToContainTextAsync("Aucune demande ne correspond à ce code de suivi et à cette adresse e-mail.");
        await Expect(Code).ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertNoViolationsAsync(Page);

        var link = Summary.GetByRole(AriaRole.Link);
        await TabUntilFocusedAsync(link, maxPresses: 2);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Code).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error_summary_without_axe_violation()
    {
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/e-guichet/suivi")));
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Voir ma demande", Exact = true }));
        await PressAndFollowAsync("Enter");

        await Expect(Summary).ToBeFocusedAsync();
        await Expect(Summary.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Indiquez le code de suivi.", "Indiquez votre adresse e-mail."]);
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Fact]
    public async Task A_citizen_finds_the_request_by_keyboard_answers_the_agents_question_and_sees_it_back_in_progress()
    {
        var code = await SubmitAsync(askQuestion: true);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/e-guichet/suivi")));
        await TabUntilFocusedAsync(Code);
        await Page.Keyboard.TypeAsync(code.ToLowerInvariant());
        await TabUntilFocusedAsync(EmailField, maxPresses: 3);
        await Page.Keyboard.TypeAsync(Email);
        await PressAndFollowAsync("Enter");

        // Post/Redirect/Get: the page's address carries neither the code nor the e-mail.
        await Expect(Page).ToHaveURLAsync(fixture.Tenant.Url("/e-guichet/suivi"));
        await Expect(Page.Locator("[data-status]")).ToHaveTextAsync("Information demandée");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Réservation de la salle");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Pouvez-vous préciser l'heure de fin ?");
        await Axe.AssertNoViolationsAsync(Page);

        var reply = Page.GetByLabel("Votre réponse", new() { Exact = true });
        await TabUntilFocusedAsync(reply);
        await Page.Keyboard.TypeAsync("La fête se termine à 23 heures.");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse", Exact = true }), maxPresses: 2);
        await PressAndFollowAsync("Enter");

        await Expect(Page.Locator("[data-notice]")).ToContainTextAsync("Votre réponse a été envoyée");
        await Expect(Page.Locator("[data-status]")).ToHaveTextAsync("En traitement");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("La fête se termine à 23 heures.");
        await Expect(Page.GetByLabel("Votre réponse", new() { Exact = true })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(Page);

        // Leaving forgets the access: the lookup form again.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Suivre une autre demande", Exact = true }));
        await PressAndFollowAsync("Enter");
        await Expect(Code).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-status]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task At_320_pixels_the_error_state_and_the_found_state_do_not_scroll_sideways()
    {
        var code = await SubmitAsync(askQuestion: true);
        await Page.SetViewportSizeAsync(320, 800);
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url($"/e-guichet/suivi?code={code}")));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Voir ma demande", Exact = true }).ClickAsync();
        await Expect(Summary).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync();

        await EmailField.FillAsync(Email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Voir ma demande", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-status]")).ToHaveTextAsync("Information demandée");
        await AssertNoSidewaysScrollAsync();
    }

    private async Task AssertNoSidewaysScrollAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide in a {widths[1]} px viewport.");
    }

    /// <summary>A request of the citizen, stored as the e-counter stores it; with the agent's question when asked for.</summary>
    private async Task<string> SubmitAsync(bool askQuestion)
    {
        var registry = Server.Services.GetRequiredService<TenantRegistry>();
        registry.Invalidate();
        var tenant = await registry.FindAsync(fixture.Tenant.Name) ?? throw new InvalidOperationException("No tenant.");
        await using var scope = Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(new FormDefinition
        {
            Slug = "salle",
            Title = "Réservation de la salle",
            Steps = [new FormStep { Title = "La réservation", Fields = [new TextField { Name = "motif", Label = "Motif", Required = true }] }],
        }, default);
        var result = await scope.ServiceProvider.GetRequiredService<SubmissionIntake>()
            .AcceptAsync("salle", Email, new Dictionary<string, FieldValue> { ["motif"] = new TextValue("Fête des voisins") }, null, default);
        var code = result.TrackingCode ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
        if (askQuestion)
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            var submission = await db.Submissions.SingleAsync(s => s.TrackingCode == code);
            scope.ServiceProvider.GetRequiredService<SubmissionHistory>().Stage(
                submission, SubmissionEventKind.MessageToCitizen, "Pouvez-vous préciser l'heure de fin ?", visibleToCitizen: true, authorName: "agent@exemple.be", toStatus: SubmissionStatus.InformationRequested);
            await db.SaveChangesAsync();
        }

        return code;
    }
}
