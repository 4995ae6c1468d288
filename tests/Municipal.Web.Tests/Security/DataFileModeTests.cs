using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Background;
using Municipal.Core.Storage;
using Municipal.Media.Files;
using Municipal.Media.Library;
using Municipal.Media.Storage;
using Municipal.Web.Tests.Forms;
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

    [Fact]
    public async Task Nothing_under_the_data_path_is_readable_or_traversable_by_group_or_other()
    {
        var name = fixture.NewTenantName("modes");
        await fixture.CreateTenantAsync(name);
        await RequestTestData.SaveFormAsync(fixture, name, RequestTestData.Report());
        await RequestTestData.SubmitAsync(fixture, name, "signaler", "marie@exemple.be", RequestTestData.Answers("Trottoir défoncé"));

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

    [Fact]
    public async Task A_data_folder_left_open_by_an_older_install_is_closed_at_start()
    {
        var name = fixture.NewTenantName("ancien");
        await fixture.CreateTenantAsync(name);
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(fixture.DataPath, open);
        File.SetUnixFileMode(fixture.TenantsFolder, open);

        await using (var app = fixture.StartApp())
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await app.CreateClient(new() { BaseAddress = new Uri($"http://{name}.localhost/") }).GetAsync("/")).StatusCode);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(fixture.DataPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(fixture.TenantsFolder));
    }
}
