namespace Municipal.Core.Content;

/// <summary>Scheduled publication of an item's latest revision.</summary>
public sealed class PublishContentJob : IJobHandler
{
    public string Kind => ContentManager.PublishJob;

    public Task RunAsync(string payload, IServiceProvider tenantServices, CancellationToken cancellationToken) =>
        tenantServices.GetRequiredService<ContentManager>().PublishAsync(payload, "planification", cancellationToken);
}

/// <summary>Scheduled end of publication of an item.</summary>
public sealed class UnpublishContentJob : IJobHandler
{
    public string Kind => ContentManager.UnpublishJob;

    public Task RunAsync(string payload, IServiceProvider tenantServices, CancellationToken cancellationToken) =>
        tenantServices.GetRequiredService<ContentManager>().UnpublishAsync(payload, cancellationToken);
}
