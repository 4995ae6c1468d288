using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Municipal.Bench.Render;

/// <summary>
/// Counts, through EF Core's DiagnosticListener, the connections opened and the SQL commands executed and their
/// execution time (until the reader is open; reading the rows is not included). It sees every DbContext, including
/// the tenants' ones, whose options do not carry the host's logger.
/// </summary>
public sealed class EfCommandMeter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable allListeners;
    private readonly List<IDisposable> subscriptions = [];
    private long commands;
    private long connections;
    private long commandTicks;

    public EfCommandMeter() => allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    public (long Commands, long Connections, TimeSpan CommandTime) Read() =>
        (Interlocked.Read(ref commands), Interlocked.Read(ref connections), TimeSpan.FromTicks(Interlocked.Read(ref commandTicks)));

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData executed)
        {
            Interlocked.Increment(ref commands);
            Interlocked.Add(ref commandTicks, executed.Duration.Ticks);
        }
        else if (value.Key == RelationalEventId.ConnectionOpened.Name)
        {
            Interlocked.Increment(ref connections);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        allListeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
