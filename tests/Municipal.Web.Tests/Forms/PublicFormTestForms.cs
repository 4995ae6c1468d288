using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Forms.Model;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>A two-step form with a condition, a date, an address, a file and a consent, saved in a tenant; and its answers.</summary>
internal static class PublicFormTestForms
{
    public const string Slug = "reserver-salle";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% plan de la salle\n%%EOF\n");

    public static FormDefinition Booking() => new()
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
                    new DateField { Name = "jour", Label = "Date de l'événement", Required = true },
                ],
            },
            new FormStep
            {
                Title = "Vos coordonnées",
                Fields =
                [
                    new TextField { Name = "nom", Label = "Nom et prénom", Required = true, PersonalData = true, MaxLength = 200 },
                    new AddressField { Name = "adresse", Label = "Votre adresse", Required = true, PersonalData = true },
                    new FileField { Name = "plan", Label = "Plan d'installation", AcceptedTypes = ["application/pdf"], MaxBytes = 100_000 },
                    new ConsentField { Name = "accord", Label = "J'accepte le règlement des salles", Required = true },
                ],
            },
        ],
    };

    public static Dictionary<string, string> FirstStep(bool caterer = false) => new()
    {
        ["salle"] = "grande",
        ["traiteur"] = caterer ? "true" : "false",
        ["traiteurNom"] = "Chez Paul",
        ["jour.day"] = "15",
        ["jour.month"] = "6",
        ["jour.year"] = "2027",
    };

    public static MultipartFormDataContent SecondStep(bool withFile = true, string action = "next", string postalCode = "5000")
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent("Marie Dupont"), "nom" },
            { new StringContent("Rue de Fer"), "adresse.street" },
            { new StringContent("12"), "adresse.number" },
            { new StringContent(""), "adresse.box" },
            { new StringContent(postalCode), "adresse.postalCode" },
            { new StringContent("Namur"), "adresse.locality" },
            { new StringContent("true"), "accord" },
            { new StringContent(action), "action" },
        };
        if (withFile)
        {
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            content.Add(file, "plan", "plan.pdf");
        }

        return content;
    }

    public static async Task SaveAsync(StorageFixture fixture, string tenant, FormDefinition? form = null)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(form ?? Booking(), default);
    }

    /// <summary>Publishes a procedure page at "demarches/salle" that carries the form.</summary>
    public static async Task<string> PublishProcedureAsync(StorageFixture fixture, string tenant)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        var content = new Pages.Model.ProcedureContent(
            "Réserver une salle", "Les salles communales.", RichText.Empty, RichText.Empty, RichText.Empty, [], RichText.Empty, FormId: Slug);
        var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveAndPublishAsync(
            new ContentDraft("Procedure", null, content.Title, "demarches/salle", ContentStore.Serialize(content)), "test");
        return item.ContentItemId;
    }

    public static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);
}
