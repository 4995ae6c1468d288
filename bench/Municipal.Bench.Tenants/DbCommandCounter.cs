using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Municipal.Bench.Tenants;

/// <summary>
/// Counts the SQL commands EF Core executes in this process and adds up their durations (EF's own
/// DiagnosticListener, only the "command executed" and "command error" events, so the rest stays off).
/// Commands sent by the engine outside EF (PRAGMA, CREATE SCHEMA) are not counted.
/// </summary>
internal sealed class DbCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string Executed = RelationalEventId.CommandExecuted.Name!;
    private static readonly string Failed = RelationalEventId.CommandError.Name!;

    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private long _commands;
    private long _errors;
    private long _durationTicks;

    public DbCommandCounter() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    public (long Commands, long Errors, TimeSpan Duration) Read() =>
        (Interlocked.Read(ref _commands), Interlocked.Read(ref _errors), TimeSpan.FromTicks(Interlocked.Read(ref _durationTicks)));

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name => name == Executed || name == Failed));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandEndEventData data)
        {
            Interlocked.Increment(ref value.Key == Failed ? ref _errors : ref _commands);
            Interlocked.Add(ref _durationTicks, data.Duration.Ticks);
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
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
