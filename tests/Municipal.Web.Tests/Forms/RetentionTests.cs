using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Municipal.Core.Audit;
using Municipal.Core.Tenancy;
using Municipal.Forms.CitizenSignIn;
using Municipal.Forms.Privacy;
using Municipal.Forms.Requests;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// The retention run with a fake clock: decided requests past their form's retention lose their personal data and
/// files, the others are untouched, a second run changes nothing; expired drafts and orphan folders are swept. SQLite and PostgreSQL.
/// </summary>
public abstract class RetentionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    // The one clock of every host on the class's storage.
    private FakeTimeProvider Clock => fixture.Clock;

    [Fact]
    public async Task A_decided_request_past_retention_is_anonymised_and_the_others_are_kept_as_they_were()
    {
        var app = fixture.App;
        var name = await CreateTenantAsync(app);
        SubmissionRecord old, pending, recent;
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<FormStore>().SaveAsync(PrivacyTestForms.Form(retentionDays: 30), default);
            old = await PrivacyTestForms.SubmitAsync(services, "marie.dupont@exemple.be", "Marie Dupont", citizen: new CitizenIdentity("85073003328", "Marie", "Dupont"));
            pending = await PrivacyTestForms.SubmitAsync(services, "jean.lambert@exemple.be", "Jean Lambert");
            recent = await PrivacyTestForms.SubmitAsync(services, "luc.martin@exemple.be", "Luc Martin");
            await DecideAsync(services, old.Id, SubmissionStatus.Accepted, "Bonjour Madame Dupont, votre demande est acceptée.");
        }

        var decidedAt = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromDays(31));
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            await DecideAsync(scope.ServiceProvider, recent.Id, SubmissionStatus.Refused, "Refusée, Monsieur Martin.");
        }

        var tenantFolder = Path.Combine(fixture.TenantsFolder, name);
        Assert.True(Directory.Exists(AttachmentFolder(tenantFolder, old.Id)));

        RetentionOutcome first;
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            first = await RetentionJob.RunOnceAsync(scope.ServiceProvider, default);
        }

        Assert.Equal(1, first.Anonymised);
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<FormsDbContext>();
            var row = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == old.Id);
            Assert.NotNull(row.AnonymisedUtc);
            Assert.Equal((old.TrackingCode, SubmissionStatus.Accepted, PrivacyTestForms.Slug, 1), (row.TrackingCode, row.Status, row.FormSlug, row.FormVersion));
            Assert.Equal((old.CreatedUtc, decidedAt), (row.CreatedUtc, row.UpdatedUtc));
            Assert.DoesNotContain("@", row.Email, StringComparison.Ordinal);
            Assert.Equal((null, null), (row.CitizenNationalNumber, row.CitizenName));
            Assert.DoesNotContain("Dupont", row.Values, StringComparison.Ordinal);
            Assert.DoesNotContain("Lilas", row.Values, StringComparison.Ordinal);
            Assert.DoesNotContain("photo", row.Values, StringComparison.Ordinal);
            Assert.Contains("Trottoir défoncé rue du Centre", row.Values, StringComparison.Ordinal);
            Assert.Contains("voirie", row.Values, StringComparison.Ordinal);
            Assert.Empty(await db.Attachments.AsNoTracking().Where(a => a.SubmissionId == old.Id).ToListAsync());
            Assert.False(Directory.Exists(AttachmentFolder(tenantFolder, old.Id)));
            var history = await db.Events.AsNoTracking().Where(e => e.SubmissionId == old.Id).ToListAsync();
            Assert.All(history, line => Assert.Null(line.Text));
            Assert.Single(history, line => line.Kind == SubmissionEventKind.Anonymised);
            Assert.Null(await services.GetRequiredService<SubmissionStore>().FindAsync(old.TrackingCode, "marie.dupont@exemple.be", default));

            // Not decided, or decided within the retention: untouched, files included.
            foreach (var kept in new[] { pending, recent })
            {
                var keptRow = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == kept.Id);
                Assert.Null(keptRow.AnonymisedUtc);
                Assert.Equal((kept.Email, kept.Values), (keptRow.Email, keptRow.Values));
                Assert.Single(await db.Attachments.AsNoTracking().Where(a => a.SubmissionId == kept.Id).ToListAsync());
                Assert.True(Directory.Exists(AttachmentFolder(tenantFolder, kept.Id)));
            }

            Assert.NotNull(await services.GetRequiredService<SubmissionStore>().FindAsync(recent.TrackingCode, "luc.martin@exemple.be", default));
            Assert.Contains("Refusée, Monsieur Martin.", (await db.Events.AsNoTracking().Where(e => e.SubmissionId == recent.Id).ToListAsync()).Select(e => e.Text));
            var audit = await services.GetRequiredService<AuditLog>().ReadAsync(0, 20);
            Assert.Contains(audit, line => line.Action == RetentionJob.AuditAction && line.Details!.StartsWith("1 demande(s) anonymisée(s)", StringComparison.Ordinal));
        }

        // A second run (or a run after a crash) finds nothing more to do and changes nothing.
        string valuesAfterFirst;
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            valuesAfterFirst = (await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.Id == old.Id)).Values;
            Assert.Equal(new RetentionOutcome(0, 0, 0), await RetentionJob.RunOnceAsync(scope.ServiceProvider, default));
        }

        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
            Assert.Equal(valuesAfterFirst, (await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == old.Id)).Values);
            Assert.Single(await db.Events.AsNoTracking().Where(e => e.SubmissionId == old.Id && e.Kind == SubmissionEventKind.Anonymised).ToListAsync());
            Assert.Equal(2, await db.Submissions.AsNoTracking().CountAsync(s => s.AnonymisedUtc == null));
        }

        // A crash between the commit and the deletion of the files leaves them on disk: the next run removes them.
        var leftOver = AttachmentFolder(tenantFolder, old.Id);
        Directory.CreateDirectory(leftOver);
        await File.WriteAllBytesAsync(Path.Combine(leftOver, "1"), PrivacyTestForms.Photo);
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            Assert.Equal(new RetentionOutcome(0, 0, 1), await RetentionJob.RunOnceAsync(scope.ServiceProvider, default));
        }

        Assert.False(Directory.Exists(leftOver));
        Assert.True(Directory.Exists(AttachmentFolder(tenantFolder, pending.Id)));
    }

    [Fact]
    public async Task Expired_drafts_and_old_orphan_folders_are_swept_and_live_ones_kept()
    {
        var app = fixture.App;
        var name = await CreateTenantAsync(app);
        var tenantFolder = Path.Combine(fixture.TenantsFolder, name);
        var now = Clock.GetUtcNow();
        SubmissionRecord live;
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<FormStore>().SaveAsync(PrivacyTestForms.Form(), default);
            live = await PrivacyTestForms.SubmitAsync(services, "marie.dupont@exemple.be", "Marie Dupont");
            var db = services.GetRequiredService<FormsDbContext>();
            db.Drafts.Add(Draft("a1expired", now.AddDays(-1)));
            db.Drafts.Add(Draft("b2live", now.AddDays(5)));
            await db.SaveChangesAsync();
        }

        var expiredDraft = Folder(tenantFolder, "forms/drafts/a1expired", now.AddDays(-3));
        var liveDraft = Folder(tenantFolder, "forms/drafts/b2live", now.AddDays(-3));
        var strayDraft = Folder(tenantFolder, "forms/drafts/c3nodraft", now.AddHours(-2));
        var oldPartial = Folder(tenantFolder, "forms/attachments/0123abcd.partial", now.AddHours(-2));
        var freshPartial = Folder(tenantFolder, "forms/attachments/4567abcd.partial", now.AddMinutes(-10));
        var oldOrphan = Folder(tenantFolder, "forms/attachments/89abcdef", now.AddHours(-2));
        var freshOrphan = Folder(tenantFolder, "forms/attachments/fedcba98", now.AddMinutes(-10));
        Directory.SetLastWriteTimeUtc(AttachmentFolder(tenantFolder, live.Id), now.AddDays(-10).UtcDateTime);

        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            Assert.Equal(new RetentionOutcome(0, 1, 3), await RetentionJob.RunOnceAsync(scope.ServiceProvider, default));
            var drafts = await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Drafts.AsNoTracking().Select(d => d.Id).ToListAsync();
            Assert.Equal(["b2live"], drafts);
        }

        Assert.False(Directory.Exists(expiredDraft));
        Assert.False(Directory.Exists(strayDraft));
        Assert.False(Directory.Exists(oldPartial));
        Assert.False(Directory.Exists(oldOrphan));
        Assert.True(Directory.Exists(liveDraft));
        Assert.True(Directory.Exists(freshPartial));
        Assert.True(Directory.Exists(freshOrphan));
        Assert.True(File.Exists(Path.Combine(AttachmentFolder(tenantFolder, live.Id), "1")));
    }

    private static async Task DecideAsync(IServiceProvider services, string id, SubmissionStatus status, string message)
    {
        var db = services.GetRequiredService<FormsDbContext>();
        var submission = await db.Submissions.SingleAsync(s => s.Id == id);
        var history = services.GetRequiredService<SubmissionHistory>();
        history.Stage(submission, SubmissionEventKind.InternalNote, "Appelé Madame au 0470 12 34 56", visibleToCitizen: false, "agent-1", "agent@commune.be");
        history.Stage(submission, SubmissionEventKind.StatusChanged, message, visibleToCitizen: true, "agent-1", "agent@commune.be", status);
        await db.SaveChangesAsync();
    }

    private static FormDraftRecord Draft(string id, DateTimeOffset expires) => new()
    {
        Id = id,
        FormSlug = PrivacyTestForms.Slug,
        FormVersion = 1,
        Email = "brouillon@exemple.be",
        Values = "{}",
        CreatedUtc = expires.AddDays(-30),
        UpdatedUtc = expires.AddDays(-30),
        ExpiresUtc = expires,
    };

    /// <summary>A folder holding one file, last written at <paramref name="at"/> (on the fake clock's time line).</summary>
    private static string Folder(string tenantFolder, string relative, DateTimeOffset at)
    {
        var folder = Path.Combine(tenantFolder, relative);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "1"), PrivacyTestForms.Photo);
        Directory.SetLastWriteTimeUtc(folder, at.UtcDateTime);
        return folder;
    }

    private static string AttachmentFolder(string tenantFolder, string id) => Path.Combine(tenantFolder, "forms", "attachments", id);

    private async Task<string> CreateTenantAsync(MunicipalApp app)
    {
        var name = fixture.NewTenantName("retention");
        await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(name, "Rétention", [$"{name}.localhost"], null, "municipality", "a@b.be", StorageFixture.AdminPassword), false, CancellationToken.None);
        return name;
    }
}

public sealed class RetentionTestsOnSqlite(SqliteFixture fixture) : RetentionTests<SqliteFixture>(fixture);

public sealed class RetentionTestsOnPostgres(PostgresFixture fixture) : RetentionTests<PostgresFixture>(fixture);
