using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Forms.Model;
using Municipal.Forms.PublicFlow;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>Forms and submissions as the tenant's database and private folder keep them. SQLite and PostgreSQL.</summary>
public abstract class FormsStorageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% plan du trottoir\n%%EOF\n");

    [Fact]
    public async Task A_new_tenant_has_the_forms_tables_and_the_recipes_forms()
    {
        var name = await TenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        Assert.Equal(["20261129120000_InitialForms", "20261129130000_SubmissionHandling", "20261129150500_FormWorkingCopies", "20261206140000_PublicWriteLimits", "20261206200000_RequestTriage"], await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.WorkingCopies.ToListAsync());

        // The standard recipe's four forms, and nothing sent yet.
        Assert.Equal(4, await db.FormVersions.CountAsync());
        Assert.Empty(await db.Submissions.ToListAsync());
        Assert.Empty(await db.Attachments.ToListAsync());
    }

    [Fact]
    public async Task Saving_a_changed_form_adds_a_version_and_an_unchanged_one_does_not()
    {
        var name = await TenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var store = scope.ServiceProvider.GetRequiredService<FormStore>();

        Assert.Equal(1, (await store.SaveAsync(Report(), default)).Version);
        Assert.Equal(1, (await store.SaveAsync(Report(), default)).Version);
        var changed = Report() with { Title = "Signaler un problème de voirie" };
        Assert.Equal(2, (await store.SaveAsync(changed, default)).Version);

        Assert.Equal("Signaler un problème de voirie", (await store.GetLatestEnabledAsync("signaler", default))!.Title);
        Assert.Equal("Signaler un problème", (await store.GetVersionAsync("signaler", 1, default))!.Title);
        Assert.Null(await store.GetVersionAsync("signaler", 3, default));
        Assert.Null(await store.GetLatestEnabledAsync("inconnu", default));

        await store.SetEnabledAsync("signaler", false, default);
        Assert.Null(await store.GetLatestEnabledAsync("signaler", default));
        Assert.NotNull(await store.GetVersionAsync("signaler", 2, default));
    }

    [Fact]
    public async Task A_valid_submission_is_committed_with_a_well_formed_code_and_its_file_in_the_private_folder()
    {
        var name = await TenantAsync();
        string code;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(Report(), default);
            var result = await scope.ServiceProvider.GetRequiredService<SubmissionIntake>()
                .AcceptAsync("signaler", "Marie.Dupont@exemple.be", ValidAnswers(), null, default);
            Assert.True(result.Accepted);
            Assert.Empty(result.Errors);
            Assert.Equal(SubmissionStatus.Received, result.Status);
            Assert.Equal("Reçue", result.Status!.Value.Label());
            code = result.TrackingCode!;
        }

        // Read back through a new scope and DbContext: what was acknowledged is committed.
        Assert.Equal(code, TrackingCodes.Parse(code));
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            var row = await db.Submissions.AsNoTracking().SingleAsync();
            Assert.Equal(code, row.TrackingCode);
            Assert.Equal(("signaler", 1), (row.FormSlug, row.FormVersion));
            Assert.Contains("Trottoir défoncé", row.Values, StringComparison.Ordinal);
            Assert.DoesNotContain("PDF", row.Values, StringComparison.Ordinal);
            var attachment = await db.Attachments.AsNoTracking().SingleAsync();
            Assert.Equal((row.Id, "plan.pdf", "application/pdf", (long)Pdf.Length), (attachment.SubmissionId, attachment.FileName, attachment.ContentType, attachment.Size));
            Assert.StartsWith($"forms/attachments/{row.Id}/", attachment.StoredPath, StringComparison.Ordinal);
            Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(fixture.TenantsFolder, name, attachment.StoredPath)));
        }

        var everyFile = Directory.GetFiles(Path.Combine(fixture.TenantsFolder, name), "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(Pdf) >= 0)
            .Select(f => Path.GetRelativePath(Path.Combine(fixture.TenantsFolder, name), f).Replace('\\', '/'))
            .ToList();
        Assert.Single(everyFile);
        Assert.StartsWith("forms/attachments/", everyFile[0], StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(fixture.TenantsFolder, name, "forms", "attachments")), d => d.EndsWith(".partial", StringComparison.Ordinal));

        // The file is not reachable from the public site, wherever one might look for it.
        var anonymous = fixture.ClientFor($"{name}.localhost");
        foreach (var path in new[] { everyFile[0], "medias/" + everyFile[0], "../" + everyFile[0] })
        {
            var response = await anonymous.GetAsync(path);
            Assert.False(response.IsSuccessStatusCode && (await response.Content.ReadAsByteArrayAsync()).AsSpan().IndexOf(Pdf) >= 0, path);
        }
    }

    [Fact]
    public async Task An_invalid_submission_stores_nothing_and_names_each_faulty_field()
    {
        var name = await TenantAsync();
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(Report(), default);
        var answers = new Dictionary<string, FieldValue>(ValidAnswers()) { ["description"] = new TextValue("") };
        var result = await scope.ServiceProvider.GetRequiredService<SubmissionIntake>()
            .AcceptAsync("signaler", "pas-une-adresse", answers, null, default);

        Assert.False(result.Accepted);
        Assert.Null(result.TrackingCode);
        Assert.Equal(["email", "description"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        Assert.Empty(await db.Submissions.AsNoTracking().ToListAsync());
        Assert.Empty(await db.Attachments.AsNoTracking().ToListAsync());
        Assert.False(Directory.Exists(Path.Combine(fixture.TenantsFolder, name, "forms")));

        var unknown = await scope.ServiceProvider.GetRequiredService<SubmissionIntake>()
            .AcceptAsync("inconnu", "marie@exemple.be", ValidAnswers(), null, default);
        Assert.False(unknown.FormFound);
    }

    [Fact]
    public async Task A_wrong_email_gets_the_same_answer_as_an_unknown_code_and_tenants_do_not_see_each_other()
    {
        var name = await TenantAsync();
        var other = await TenantAsync();
        string code;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(Report(), default);
            var submissions = scope.ServiceProvider.GetRequiredService<SubmissionStore>();
            var intake = scope.ServiceProvider.GetRequiredService<SubmissionIntake>();
            code = (await intake.AcceptAsync("signaler", "marie@exemple.be", ValidAnswers(), null, default)).TrackingCode!;

            var found = await submissions.FindAsync(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), "  MARIE@Exemple.BE ", default);
            Assert.Equal((code, SubmissionStatus.Received, "signaler"), (found!.TrackingCode, found.Status, found.FormSlug));
            Assert.Null(await submissions.FindAsync(code, "pierre@exemple.be", default));
            Assert.Null(await submissions.FindAsync(TrackingCodes.New(), "marie@exemple.be", default));
            Assert.Null(await submissions.FindAsync(code[..^1] + (code[^1] == '2' ? '3' : '2'), "marie@exemple.be", default));
            Assert.Null(await submissions.FindAsync(code, null, default));
        }

        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, other))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<SubmissionStore>().FindAsync(code, "marie@exemple.be", default));
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.AsNoTracking().ToListAsync());
            var refused = await scope.ServiceProvider.GetRequiredService<SubmissionIntake>()
                .AcceptAsync("signaler", "marie@exemple.be", ValidAnswers(), null, default);
            Assert.False(refused.FormFound);
        }
    }

    [Fact]
    public async Task A_commit_that_fails_returns_no_code_and_leaves_no_row_and_no_file()
    {
        var name = await TenantAsync();
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(Report(), default);
            // The attachments' table is gone: the submission row is inserted first, then the transaction fails.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"SubmissionAttachments\"");
            await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
                scope.ServiceProvider.GetRequiredService<SubmissionIntake>().AcceptAsync("signaler", "marie@exemple.be", ValidAnswers(), null, default));
        }

        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.AsNoTracking().ToListAsync());
        }

        var attachments = Path.Combine(fixture.TenantsFolder, name, "forms", "attachments");
        Assert.Empty(Directory.Exists(attachments) ? Directory.GetFileSystemEntries(attachments) : []);
    }

    [Fact]
    public async Task A_tracking_code_that_is_already_taken_is_drawn_again_and_both_requests_are_kept()
    {
        var taken = TrackingCodes.New();
        var fresh = TrackingCodes.New();
        var source = new SequenceCodeSource([taken, taken, fresh]);
        await using var app = fixture.StartApp(services: s => s.AddSingleton<TrackingCodeSource>(source));
        var name = fixture.NewTenantName("forms");
        await fixture.CreateTenantAsync(name);
        await using var scope = await StorageFixture.TenantScopeAsync(app.Services, name);
        await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(Report(), default);
        var submissions = scope.ServiceProvider.GetRequiredService<SubmissionStore>();
        var intake = scope.ServiceProvider.GetRequiredService<SubmissionIntake>();

        Assert.Equal(taken, (await intake.AcceptAsync("signaler", "marie@exemple.be", ValidAnswers(), null, default)).TrackingCode);
        Assert.Equal(fresh, (await intake.AcceptAsync("signaler", "pierre@exemple.be", ValidAnswers(), null, default)).TrackingCode);
        Assert.Equal("signaler", (await submissions.FindAsync(taken, "marie@exemple.be", default))?.FormSlug);
        Assert.Equal("signaler", (await submissions.FindAsync(fresh, "pierre@exemple.be", default))?.FormSlug);
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Attachments.AsNoTracking().CountAsync());
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
                    new FileField { Name = "plan", Label = "Plan ou photo", Required = false, MaxFiles = 2, AcceptedTypes = ["application/pdf", "image/jpeg"] },
                ],
            },
        ],
    };

    private static Dictionary<string, FieldValue> ValidAnswers() => new(StringComparer.Ordinal)
    {
        ["description"] = new TextValue("Trottoir défoncé devant le numéro 12"),
        ["plan"] = new FileListValue([new UploadedFile("plan.pdf", "application/pdf", Pdf)]),
    };

    private async Task<string> TenantAsync()
    {
        var name = fixture.NewTenantName("forms");
        await fixture.CreateTenantAsync(name);
        return name;
    }
}

/// <summary>Gives the codes it was given, in order: the way to make two requests draw the same code.</summary>
internal sealed class SequenceCodeSource(IEnumerable<string> codes) : TrackingCodeSource
{
    private readonly Queue<string> _codes = new(codes);

    public override string Next()
    {
        lock (_codes)
        {
            return _codes.Dequeue();
        }
    }
}

public sealed class FormsStorageTestsOnSqlite(SqliteFixture fixture) : FormsStorageTests<SqliteFixture>(fixture);

public sealed class FormsStorageTestsOnPostgres(PostgresFixture fixture) : FormsStorageTests<PostgresFixture>(fixture);
