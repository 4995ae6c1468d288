using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Background;
using Municipal.Core.Storage;
using Municipal.Forms.Models;
using Municipal.Forms.Storage;
using Municipal.Media.Handlers;
using Municipal.Web.Tests.Infrastructure;
using Municipal.Web.Tests.Mail;

namespace Municipal.Web.Tests.Security;

/// <summary>
/// The data folder holds citizens' attachments, password-reset links (mail pickup) and the databases: on a shared
/// server another local account must read none of it. Unix only (modes); SQLite, the storage with files of its own.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataFileModeTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% plan\n%%EOF\n");

    [Fact]
    public async Task Nothing_under_the_data_path_is_readable_or_traversable_by_group_or_other()
    {
        var name = fixture.NewTenantName("modes");
        await fixture.CreateTenantAsync(name);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(Report(), default);
            var answers = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
            {
                ["description"] = new TextValue("Trottoir défoncé"),
                ["plan"] = new FileListValue([new UploadedFile("plan.pdf", "application/pdf", Pdf)]),
            };
            Assert.True((await scope.ServiceProvider.GetRequiredService<SubmissionStore>().SubmitAsync("signaler", "marie@exemple.be", answers, null, default)).Accepted);
        }

        await MailJobs.EnqueueAsync(fixture.App.Services, name, "Réinitialisation du mot de passe");
        await fixture.App.Services.GetRequiredService<JobRunner>().RunDueAsync();
        var media = new MediaFiles(fixture.App.Services.GetRequiredService<DataPaths>());
        await media.WriteAsync(name, Guid.NewGuid().ToString("N"), [new DerivativeFile("original.png", [1, 2, 3])], default);

        var tenantFolder = Path.Combine(fixture.TenantsFolder, name);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(tenantFolder, "mail"), "*.eml"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(tenantFolder, "forms", "attachments"), "*", SearchOption.AllDirectories));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(tenantFolder, "media"), "*", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(fixture.DataPath, "host.db")));
        Assert.True(File.Exists(Path.Combine(tenantFolder, "tenant.db")));
        var open = Directory.GetFileSystemEntries(fixture.DataPath, "*", SearchOption.AllDirectories)
            .Where(entry => (File.GetUnixFileMode(entry) & GroupOrOther) != 0)
            .Select(entry => $"{Path.GetRelativePath(fixture.DataPath, entry)} {File.GetUnixFileMode(entry)}")
            .ToList();
        Assert.Empty(open);
    }

    private static FormDefinition Report() => new()
    {
        Slug = "signaler",
        Title = "Signaler un problème",
        Steps =
        [
            new FormStep
            {
                Title = "Le problème",
                Fields =
                [
                    new TextAreaField { Name = "description", Label = "Description", Required = true, MaxLength = 2000 },
                    new FileField { Name = "plan", Label = "Plan ou photo", Required = false, MaxFiles = 2, AcceptedTypes = ["application/pdf"] },
                ],
            },
        ],
    };
}
