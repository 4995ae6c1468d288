using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Forms.Model;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>A form with a field of every type, valid answers to it, and the calls the API and follow-up tests share.</summary>
internal static class ApiTestForms
{
    public const string Slug = "tout";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% plan\n%%EOF\n");

    public static FormDefinition EveryType(string slug = Slug) => new()
    {
        Slug = slug,
        Title = "Formulaire complet",
        AgentRole = "Agent population",
        Steps =
        [
            new FormStep
            {
                Title = "Vous",
                Fields =
                [
                    new InfoField { Name = "aide", Label = "Remplissez chaque champ." },
                    new TextField { Name = "nom", Label = "Nom", Required = true, MaxLength = 100, PersonalData = true },
                    new TextAreaField { Name = "motif", Label = "Motif", Hint = "Quelques mots", Required = true, MaxLength = 2000 },
                    new EmailField { Name = "courriel", Label = "Courriel de contact", Required = true },
                    new PhoneField { Name = "telephone", Label = "Téléphone", Required = true },
                    new NumberField { Name = "personnes", Label = "Nombre de personnes", Required = true, Min = 1, Max = 10, WholeNumber = true },
                    new DateField { Name = "jour", Label = "Date souhaitée", Required = true },
                    new NrnField { Name = "nrn", Label = "Numéro de registre national", Required = true, PersonalData = true },
                    new IbanField { Name = "iban", Label = "IBAN", Required = true },
                ],
            },
            new FormStep
            {
                Title = "La demande",
                Fields =
                [
                    new ChoiceField { Name = "salle", Label = "Salle", Required = true, Options = [new ChoiceOption("grande", "Grande salle"), new ChoiceOption("petite", "Petite salle")] },
                    new MultiChoiceField { Name = "materiel", Label = "Matériel", Required = true, Options = [new ChoiceOption("chaises", "Chaises"), new ChoiceOption("tables", "Tables")] },
                    new BooleanField { Name = "cuisine", Label = "Avec cuisine ?", Required = true },
                    new TextField { Name = "traiteur", Label = "Traiteur", Condition = new FieldCondition("salle", "grande") },
                    new AddressField { Name = "adresse", Label = "Adresse", Required = true },
                    new FileField { Name = "piece", Label = "Pièce jointe", Required = true, MaxFiles = 1, MaxBytes = 1024, AcceptedTypes = ["application/pdf"] },
                    new ConsentField { Name = "accord", Label = "J'accepte le règlement", Required = true },
                ],
            },
        ],
    };

    /// <summary>Valid answers to <see cref="EveryType"/>, as the API's JSON.</summary>
    public static JsonObject ValidValues() => new()
    {
        ["nom"] = "Dupont",
        ["motif"] = "Fête des voisins",
        ["courriel"] = "contact@exemple.be",
        ["telephone"] = "081 24 60 11",
        ["personnes"] = 4,
        ["jour"] = "2027-06-12",
        ["nrn"] = "85.07.14-123.30",
        ["iban"] = "BE68 5390 0754 7034",
        ["salle"] = "grande",
        ["materiel"] = new JsonArray("chaises", "tables"),
        ["cuisine"] = true,
        ["traiteur"] = "Chez Louis",
        ["adresse"] = new JsonObject { ["street"] = "Rue de Fer", ["number"] = "12", ["box"] = null, ["postalCode"] = "5000", ["locality"] = "Namur" },
        ["piece"] = new JsonArray(new JsonObject { ["name"] = "plan.pdf", ["contentType"] = "application/pdf", ["base64"] = Convert.ToBase64String(Pdf) }),
        ["accord"] = true,
    };

    public static JsonObject Body(string email = "marie@exemple.be", JsonObject? values = null) =>
        new() { ["email"] = email, ["values"] = values ?? ValidValues() };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string slug, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync($"/api/forms/{slug}/submissions", content);
    }

    public static Task<string> TenantWithFormAsync(StorageFixture fixture, string stem, params FormDefinition[] forms) =>
        TenantWithFormAsync(fixture, fixture.App, stem, forms);

    /// <summary>A new tenant, created through the given app (a second app on the fixture's storage sees it at once), with the forms saved.</summary>
    public static async Task<string> TenantWithFormAsync(StorageFixture fixture, MunicipalApp app, string stem, params FormDefinition[] forms)
    {
        var name = fixture.NewTenantName(stem);
        await app.Services.GetRequiredService<Core.Tenancy.TenantProvisioner>().CreateAsync(
            new Core.Tenancy.CreateTenantRequest(name, $"Commune de {name}", [$"{name}.localhost"], null, "municipality", $"admin@{name}.localhost", StorageFixture.AdminPassword),
            recipeMayBePath: false,
            CancellationToken.None);
        await using var scope = await StorageFixture.TenantScopeAsync(app.Services, name);
        var store = scope.ServiceProvider.GetRequiredService<FormStore>();
        foreach (var form in forms.Length == 0 ? [EveryType()] : forms)
        {
            await store.SaveAsync(form, default);
        }

        return name;
    }
}
