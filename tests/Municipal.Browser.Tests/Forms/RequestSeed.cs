using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Tenancy;
using Municipal.Forms.Model;
using Municipal.Forms.PublicFlow;
using Municipal.Forms.Storage;

namespace Municipal.Browser.Tests.Forms;

/// <summary>Citizens' requests on a test tenant, stored the way a submission is (committed, attachment in the private folder).</summary>
public static class RequestSeed
{
    public const string Slug = "signaler-voirie-test";
    public const string Title = "Voirie (formulaire de test)";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% plan\n%%EOF\n");

    /// <summary>Saves the test form (once) and submits a request to it, signed with <paramref name="fullName"/> if given; answers the tracking code.</summary>
    public static async Task<string> SubmitAsync(MunicipalServer server, TestTenant tenant, string email, string description, string? fullName = null)
    {
        var registry = server.Services.GetRequiredService<TenantRegistry>();
        var found = await registry.FindAsync(tenant.Name) ?? throw new InvalidOperationException($"No tenant {tenant.Name}.");
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(found);
        await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(Form(), default);
        var answers = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["description"] = new TextValue(description),
            ["plan"] = new FileListValue([new UploadedFile("plan.pdf", "application/pdf", Pdf)]),
        };
        if (fullName is not null)
        {
            answers["nom"] = new TextValue(fullName);
        }

        var result = await scope.ServiceProvider.GetRequiredService<SubmissionIntake>().AcceptAsync(Slug, email, answers, null, default);
        return result.TrackingCode ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    private static FormDefinition Form() => new()
    {
        Slug = Slug,
        Title = Title,
        Steps =
        [
            new FormStep
            {
                Title = "Le problème",
                Fields =
                [
                    new TextField { Name = "nom", Label = "Nom et prénom" },
                    new TextAreaField { Name = "description", Label = "Description", Required = true },
                    new FileField { Name = "plan", Label = "Plan ou photo", AcceptedTypes = ["application/pdf"] },
                ],
            },
        ],
    };
}
