using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Municipal.Bench.Tenants;

/// <summary>
/// Counts the SQL commands EF Core executes in this process and adds up their durations (EF's own
/// DiagnosticListener, only the "command executed" and "command error" events, so the rest stays off).
/// Commands sent by the engine outside EF (PRAGMA, CREATE SCHEMA) are not counted.
/// </summary>
internal sealed partial class DbCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string Executed = RelationalEventId.CommandExecuted.Name!;
    private static readonly string Failed = RelationalEventId.CommandError.Name!;

    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Dictionary<string, int> _errorMessages = new(StringComparer.Ordinal);
    private long _commands;
    private long _errors;
    private long _durationTicks;

    public DbCommandCounter() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    public (long Commands, long Errors, TimeSpan Duration) Read() =>
        (Interlocked.Read(ref _commands), Interlocked.Read(ref _errors), TimeSpan.FromTicks(Interlocked.Read(ref _durationTicks)));

    /// <summary>The distinct failed commands (first line of the error, start of the SQL), most frequent first.</summary>
    public IReadOnlyList<(string Error, int Count)> ErrorMessages()
    {
        lock (_errorMessages)
        {
            return _errorMessages.OrderByDescending(e => e.Value).Select(e => (e.Key, e.Value)).ToList();
        }
    }

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
            if (data is CommandErrorEventData error)
            {
                // Tenant names become "tNNNN", so the same failure in every tenant counts as one kind.
                var message = TenantName().Replace(error.Exception.Message.Split('\n')[0], "tNNNN");
                var sql = TenantName().Replace(Whitespace().Replace(error.Command.CommandText.Trim(), " "), "tNNNN");
                var key = $"{message} [SQL: {(sql.Length > 80 ? sql[..80] + "..." : sql)}]";
                lock (_errorMessages)
                {
                    _errorMessages[key] = _errorMessages.GetValueOrDefault(key) + 1;
                }
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    [GeneratedRegex("t[0-9]{4,}")]
    private static partial Regex TenantName();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
