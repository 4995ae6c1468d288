namespace Municipal.Forms.Privacy;

/// <summary>What one retention run did, for the audit log and for tests.</summary>
public sealed record RetentionOutcome(int Anonymised, int ExpiredDrafts, int OrphanFolders, int TrimmedDrafts = 0);

/// <summary>
/// The daily job "forms.retention" of a tenant. It first enqueues its next run (so that a failing run, retried by the
/// job runner, never breaks the chain), then anonymises the requests past retention, sweeps drafts and orphan
/// folders, gives older requests their search text (<see cref="RequestSearch.BackfillAsync"/>), and writes one audit line with the counts. A tenant that lost the forms feature gets no next run;
/// <see cref="RetentionScheduler"/> starts the chain again if the feature comes back.
/// </summary>
public sealed class RetentionJob : IJobHandler
{
    public const string AuditAction = "forms-retention";

    public const string AuditObjectType = "FormsRetention";

    public string Kind => RetentionSchedule.JobKind;

    public async Task RunAsync(string payload, IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var tenant = tenantServices.GetRequiredService<TenantContext>().Tenant;
        if (!tenant.HasFeature(FormsModule.Feature))
        {
            return;
        }

        var clock = tenantServices.GetRequiredService<TimeProvider>();
        await RetentionSchedule.EnsurePendingAsync(
            tenantServices.GetRequiredService<HostDbContext>(),
            tenantServices.GetRequiredService<JobQueue>(),
            tenant.Name,
            clock.GetUtcNow(),
            onlyLater: true,
            cancellationToken);
        await RunOnceAsync(tenantServices, cancellationToken);
    }

    /// <summary>One run's work, without rescheduling; records its audit line.</summary>
    public static async Task<RetentionOutcome> RunOnceAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var anonymised = await tenantServices.GetRequiredService<SubmissionAnonymiser>().RunAsync(cancellationToken);
        var swept = await tenantServices.GetRequiredService<FormsFolderSweeper>().RunAsync(cancellationToken);
        await RequestSearch.BackfillAsync(tenantServices.GetRequiredService<FormsDbContext>(), tenantServices.GetRequiredService<FormStore>(), cancellationToken);
        var outcome = new RetentionOutcome(anonymised, swept.ExpiredDrafts, swept.OrphanFolders, swept.TrimmedDrafts);
        await tenantServices.GetRequiredService<AuditLog>().RecordAsync(
            AuditAction,
            AuditObjectType,
            objectId: null,
            FormsText.Get("FormsPrivacyRetentionObject"),
            FormsText.Format("FormsPrivacyRetentionDetails", outcome.Anonymised, outcome.ExpiredDrafts, outcome.OrphanFolders, outcome.TrimmedDrafts),
            cancellationToken);
        return outcome;
    }
}
