namespace Municipal.Forms.Storage;

/// <summary>The e-counter's tables in the tenant's database (migrations history: "__FormsMigrations").</summary>
public sealed class FormsDbContext(DbContextOptions<FormsDbContext> options) : DbContext(options)
{
    public DbSet<FormVersionRecord> FormVersions => Set<FormVersionRecord>();

    public DbSet<SubmissionRecord> Submissions => Set<SubmissionRecord>();

    public DbSet<SubmissionAttachmentRecord> Attachments => Set<SubmissionAttachmentRecord>();

    public DbSet<SubmissionEventRecord> Events => Set<SubmissionEventRecord>();

    /// <summary>Documents agents sent citizens with a message or a decision.</summary>
    public DbSet<RequestDocumentRecord> Documents => Set<RequestDocumentRecord>();

    public DbSet<FormDraftRecord> Drafts => Set<FormDraftRecord>();

    /// <summary>Mails the public triggered, for the mail throttle.</summary>
    public DbSet<CitizenMailRecord> CitizenMails => Set<CitizenMailRecord>();

    /// <summary>The form builder's working copies (back office).</summary>
    public DbSet<FormWorkingCopyRecord> WorkingCopies => Set<FormWorkingCopyRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcTicksConverter.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FormVersionRecord>(form =>
        {
            form.ToTable("FormVersions");
            form.HasKey(f => f.Id);
            form.HasIndex(f => new { f.Slug, f.Version }).IsUnique();
        });
        modelBuilder.Entity<SubmissionRecord>(submission =>
        {
            submission.ToTable("Submissions");
            submission.HasKey(s => s.Id);
            submission.Property(s => s.Status).HasConversion<string>();
            submission.HasIndex(s => s.TrackingCode).IsUnique();
            submission.HasIndex(s => new { s.Status, s.CreatedUtc });
            submission.HasIndex(s => new { s.FormSlug, s.CreatedUtc });
            submission.HasIndex(s => s.CreatedUtc);
            submission.HasIndex(s => s.Email);
        });
        modelBuilder.Entity<SubmissionEventRecord>(history =>
        {
            history.ToTable("SubmissionEvents");
            history.HasKey(e => e.Id);
            history.Property(e => e.Kind).HasConversion<string>();
            history.Property(e => e.FromStatus).HasConversion<string>();
            history.Property(e => e.ToStatus).HasConversion<string>();
            history.HasIndex(e => new { e.SubmissionId, e.Id });
        });
        modelBuilder.Entity<FormDraftRecord>(draft =>
        {
            draft.ToTable("FormDrafts");
            draft.HasKey(d => d.Id);
            draft.HasIndex(d => d.ExpiresUtc);
            draft.HasIndex(d => d.ClientKey);
        });
        modelBuilder.Entity<CitizenMailRecord>(mail =>
        {
            mail.ToTable("CitizenMails");
            mail.HasKey(m => m.Id);
            mail.HasIndex(m => new { m.Recipient, m.SentUtc });
            mail.HasIndex(m => new { m.ClientKey, m.SentUtc });
        });
        modelBuilder.Entity<FormWorkingCopyRecord>(copy =>
        {
            copy.ToTable("FormWorkingCopies");
            copy.HasKey(c => c.Id);
            copy.HasIndex(c => c.Slug).IsUnique();
        });
        modelBuilder.Entity<SubmissionAttachmentRecord>(attachment =>
        {
            attachment.ToTable("SubmissionAttachments");
            attachment.HasKey(a => a.Id);
            attachment.HasIndex(a => a.SubmissionId);
        });
        modelBuilder.Entity<RequestDocumentRecord>(document =>
        {
            document.ToTable("RequestDocuments");
            document.HasKey(d => d.Id);
            document.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId);
            document.HasIndex(d => d.SubmissionId);
            document.HasIndex(d => d.EventId);
        });
    }
}
