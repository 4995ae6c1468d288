namespace Municipal.Core.Sharing;

/// <summary>TEMPORARY (replaced by the catalogue in the host database before this lands): answers that nothing is shared.</summary>
public sealed class SharedCatalog : ISharedCatalog
{
    public Task<SharedPage<SharedOccurrenceHit>> OccurrencesAsync(string readerTenant, string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter, DateTimeOffset fromUtc, DateTimeOffset toUtc, int skip, int take, CancellationToken cancellationToken) =>
        Task.FromResult(new SharedPage<SharedOccurrenceHit>([], 0));

    public Task<SharedPage<SharedItem>> ItemsAsync(string readerTenant, string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter, int skip, int take, CancellationToken cancellationToken) =>
        Task.FromResult(new SharedPage<SharedItem>([], 0));

    public Task<SharedItem?> FindAsync(string sourceTenant, string contentType, string slug, CancellationToken cancellationToken) => Task.FromResult<SharedItem?>(null);

    public Task<IReadOnlyList<SharedOccurrence>> OccurrencesOfAsync(string sourceTenant, string contentItemId, DateTimeOffset fromUtc, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SharedOccurrence>>([]);

    public Task<IReadOnlyList<SharedSourceSummary>> SourcesAsync(string readerTenant, string contentType, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SharedSourceSummary>>([]);
}
