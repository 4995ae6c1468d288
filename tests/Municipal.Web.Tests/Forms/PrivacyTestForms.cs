using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Forms.CitizenSignIn;
using Municipal.Forms.Model;
using Municipal.Forms.PublicFlow;
using Municipal.Forms.Storage;

namespace Municipal.Web.Tests.Forms;

/// <summary>A form with personal and non-personal answers and a file, for the retention and export tests.</summary>
internal static class PrivacyTestForms
{
    public const string Slug = "signalement";

    public static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0xFF, 0xD9];

    public static FormDefinition Form(int retentionDays = 30) => new()
    {
        Slug = Slug,
        Title = "Signaler un problème sur la voie publique",
        RetentionDays = retentionDays,
        Steps =
        [
            new FormStep
            {
                Title = "Le problème",
                Fields =
                [
                    new ChoiceField { Name = "categorie", Label = "Catégorie", Required = true, Options = [new("voirie", "Voirie"), new("eclairage", "Éclairage")] },
                    new TextAreaField { Name = "description", Label = "Description", Required = true, MaxLength = 2000 },
                    new FileField { Name = "photo", Label = "Photo", MaxFiles = 2, AcceptedTypes = ["image/jpeg"] },
                ],
            },
            new FormStep
            {
                Title = "Vous",
                Fields =
                [
                    new TextField { Name = "nom", Label = "Nom", Required = true, PersonalData = true },
                    new AddressField { Name = "adresse", Label = "Votre adresse", Required = true, PersonalData = true },
                ],
            },
        ],
    };

    public static Dictionary<string, FieldValue> Answers(string name, bool withPhoto = true)
    {
        var answers = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["categorie"] = new ChoiceValue("voirie"),
            ["description"] = new TextValue("Trottoir défoncé rue du Centre"),
            ["nom"] = new TextValue(name),
            ["adresse"] = new AddressValue("Rue des Lilas", "12", null, "5000", "Namur"),
        };
        if (withPhoto)
        {
            answers["photo"] = new FileListValue([new UploadedFile("photo-trottoir.jpg", "image/jpeg", Photo)]);
        }

        return answers;
    }

    /// <summary>Submits through the intake in a scope of the tenant; returns the stored request.</summary>
    public static async Task<SubmissionRecord> SubmitAsync(
        IServiceProvider tenantServices, string email, string name, bool withPhoto = true, CitizenIdentity? citizen = null, string slug = Slug)
    {
        var result = await tenantServices.GetRequiredService<SubmissionIntake>().AcceptAsync(slug, email, Answers(name, withPhoto), null, citizen, default);
        if (!result.Accepted)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        // Requests sent one after the other are received one after the other: the tests' clock moves only when told.
        if (tenantServices.GetRequiredService<TimeProvider>() is Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        return result.Submission!;
    }

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
