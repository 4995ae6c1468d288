using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Tenancy;
using Municipal.Forms.Model;
using Municipal.Forms.PublicFlow;
using Municipal.Forms.Storage;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Forms;

/// <summary>The back office's personal data export: reached and used by keyboard alone, its error summary, axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonalDataExportPageTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private ILocator Email => Page.GetByLabel("Adresse e-mail du demandeur", new() { Exact = true });

    private ILocator Summary => Page.Locator(".error-summary");

    [Fact]
    public async Task An_administrator_exports_by_keyboard_and_a_wrong_address_shows_the_error_summary()
    {
        await SubmitRequestAsync("claire.noel@exemple.be");
        await SignInAsync(fixture.Tenant, fixture.Tenant.AdminEmail, fixture.Tenant.AdminPassword);

        // The navigation comes first in the page; the dashboard repeats its links.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Données personnelles", Exact = true }).First);
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Données personnelles des demandeurs");
        await Axe.AssertNoViolationsAsync(Page);

        // A wrong address: the summary takes the focus, names the field, and its link leads back to it.
        await TabUntilFocusedAsync(Email);
        await Page.Keyboard.TypeAsync("claire.noel-exemple.be");
        Assert.Equal(400, await PressAndFollowAsync("Enter"));
        await Expect(Summary).ToBeFocusedAsync();
        await Expect(Summary).ToHaveAttributeAsync("role", "alert");
        await Expect(Page).ToHaveTitleAsync(new Regex("^Erreur : "));
        await Expect(Email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#email-error")).ToContainTextAsync("Saisissez une adresse e-mail valide");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.SetViewportSizeAsync(320, 800);
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"At 320 px the page is {widths[0]} px wide: it scrolls horizontally.");
        await Page.SetViewportSizeAsync(1280, 800);
        await TabUntilFocusedAsync(Summary.GetByRole(AriaRole.Link), maxPresses: 2);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Email).ToBeFocusedAsync();

        // An address with nothing held: a message, no file.
        await Email.FillAsync("personne@exemple.be");
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Aucune demande ni aucun brouillon");
        await Axe.AssertNoViolationsAsync(Page);

        // The citizen's address: a ZIP download.
        await Email.FillAsync("CLAIRE.NOEL@exemple.be");
        await Email.FocusAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Keyboard.PressAsync("Enter"));
        Assert.Matches("^donnees-personnelles-.*\\.zip$", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path).Length > 0);
    }

    private async Task SubmitRequestAsync(string email)
    {
        var registry = Server.Services.GetRequiredService<TenantRegistry>();
        var tenant = await registry.FindAsync(fixture.Tenant.Name) ?? throw new InvalidOperationException("Tenant missing.");
        await using var scope = Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var form = new FormDefinition
        {
            Slug = "test-rgpd",
            Title = "Demande de test",
            Steps = [new FormStep { Title = "Vous", Fields = [new TextField { Name = "nom", Label = "Nom", Required = true, PersonalData = true }] }],
        };
        await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(form, default);
        var result = await scope.ServiceProvider.GetRequiredService<SubmissionIntake>()
            .AcceptAsync("test-rgpd", email, new Dictionary<string, FieldValue> { ["nom"] = new TextValue("Claire Noël") }, null, default);
        Assert.True(result.Accepted);
    }
}
