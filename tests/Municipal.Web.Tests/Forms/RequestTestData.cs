using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Audit;
using Municipal.Core.Storage;
using Municipal.Forms.Model;
using Municipal.Forms.PublicFlow;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>Forms and requests of the back office's tests, stored the way citizens' submissions are.</summary>
internal static partial class RequestTestData
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% plan du trottoir\n%%EOF\n");

    /// <summary>"signaler": a description, a file and a choice; open to every agent.</summary>
    public static FormDefinition Report(string? agentRole = null, string slug = "signaler", string title = "Signaler un problème") => new()
    {
        Slug = slug,
        Title = title,
        AgentRole = agentRole,
        Steps =
        [
            new FormStep
            {
                Title = "Le problème",
                Fields =
                [
                    new TextAreaField { Name = "description", Label = "Description", Required = true, MaxLength = 2000 },
                    new ChoiceField { Name = "urgence", Label = "Urgence", Required = true, Options = [new("basse", "Peut attendre"), new("haute", "Dangereux")] },
                    new FileField { Name = "plan", Label = "Plan ou photo", Required = false, MaxFiles = 2, AcceptedTypes = ["application/pdf"] },
                ],
            },
        ],
    };

    public static Dictionary<string, FieldValue> Answers(string description, bool withFile = true, string fileName = "plan.pdf")
    {
        var answers = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["description"] = new TextValue(description),
            ["urgence"] = new ChoiceValue("haute"),
        };
        if (withFile)
        {
            answers["plan"] = new FileListValue([new UploadedFile(fileName, "application/pdf", Pdf)]);
        }

        return answers;
    }

    public static async Task SaveFormAsync(StorageFixture fixture, string tenant, FormDefinition form)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(form, default);
    }

    /// <summary>
    /// Submits through the store (committed, as a citizen's would be); answers the tracking code. The fake clock
    /// then moves a minute on, so that requests sent one after the other are received one after the other.
    /// </summary>
    public static async Task<string> SubmitAsync(StorageFixture fixture, string tenant, string slug, string email, Dictionary<string, FieldValue> answers)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        var result = await scope.ServiceProvider.GetRequiredService<SubmissionIntake>().AcceptAsync(slug, email, answers, null, default);
        Assert.True(result.Accepted, string.Join(" ", result.Errors.Select(e => e.Message)));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        return result.TrackingCode!;
    }

    public static async Task<SubmissionRecord> RequestAsync(StorageFixture fixture, string tenant, string code)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.TrackingCode == code);
    }

    public static async Task<List<AuditRecord>> AuditAsync(StorageFixture fixture, string tenant, string action)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<TenantDbContext>().AuditLog.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>The codes of the queue's table, in order.</summary>
    public static List<string> Codes(string html) => CodePattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The download links of a request's page.</summary>
    public static List<string> DownloadLinks(string html) =>
        DownloadPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("class=\"request-code\">(EG-[A-Z0-9-]+)</a>")]
    private static partial Regex CodePattern();

    [GeneratedRegex("href=\"([^\"]+/fichiers/[0-9]+)\"")]
    private static partial Regex DownloadPattern();
}
