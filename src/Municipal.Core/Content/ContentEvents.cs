using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Municipal.Core.Content;

/// <summary>Something that happened to a content item; <see cref="Item"/> is the version concerned, as stored.</summary>
public abstract record ContentEvent(ContentItemRecord Item);

/// <summary>A new revision was saved (created, changed, or an old revision made the latest draft again).</summary>
public sealed record ContentSaved(ContentItemRecord Item) : ContentEvent(Item);

/// <summary>The item's latest revision went online (by hand, on approval or on schedule).</summary>
public sealed record ContentPublished(ContentItemRecord Item) : ContentEvent(Item);

/// <summary>The item went offline (by hand, on schedule, or on its way to the trash).</summary>
public sealed record ContentUnpublished(ContentItemRecord Item) : ContentEvent(Item);

/// <summary>The item went to the trash.</summary>
public sealed record ContentTrashed(ContentItemRecord Item) : ContentEvent(Item);

/// <summary>The item came back from the trash, as a draft.</summary>
public sealed record ContentRestored(ContentItemRecord Item) : ContentEvent(Item);

/// <summary>Every version of the item was deleted from the trash; <see cref="ContentEvent.Item"/> was its latest.</summary>
public sealed record ContentDeleted(ContentItemRecord Item) : ContentEvent(Item);

/// <summary>
/// A module's reaction to content changes (an index table of event dates, a search index, a shared catalogue),
/// registered scoped. It runs inside the change's transaction: what it writes through
/// <see cref="ContentUnitOfWork.Enlist"/> is stored with the change or not at all, and an exception undoes both.
/// </summary>
public interface IContentEventHandler
{
    Task HandleAsync(ContentEvent change, ContentUnitOfWork work, CancellationToken cancellationToken);
}

/// <summary>
/// What runs once a content operation is committed (the shared catalogue's relay), registered scoped. It cannot undo
/// the change: an exception is logged and the editor's request goes on (a later catch-up repairs what it missed).
/// </summary>
public interface IContentCommitHandler
{
    /// <param name="changes">Every event the operation raised, in order.</param>
    Task CommittedAsync(IReadOnlyList<ContentEvent> changes, CancellationToken cancellationToken);
}

/// <summary>
/// The transaction of one content operation, on the tenant's database. Nested operations (approve, then publish)
/// share the outermost one.
/// </summary>
public sealed partial class ContentUnitOfWork(
    TenantDbContext db, IEnumerable<IContentEventHandler> handlers, IEnumerable<IContentCommitHandler> commitHandlers, ILogger<ContentUnitOfWork> logger)
{
    private readonly IContentEventHandler[] handlers = handlers.ToArray();
    private readonly IContentCommitHandler[] commitHandlers = commitHandlers.ToArray();
    private readonly List<DbContext> enlisted = [];
    private readonly List<ContentEvent> raised = [];
    private int depth;

    /// <summary>
    /// Makes a module's context write on this operation's connection and transaction, until the operation ends.
    /// The context must not have an open connection of its own.
    /// </summary>
    public void Enlist(DbContext context)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("No content operation is under way.");
        DbConnection connection = db.Database.GetDbConnection();
        if (!ReferenceEquals(context.Database.GetDbConnection(), connection))
        {
            context.Database.SetDbConnection(connection, contextOwnsConnection: false);
        }

        context.Database.UseTransaction(transaction);
        enlisted.Add(context);
    }

    /// <summary>Runs <paramref name="operation"/> in the unit (beginning it when none is under way), then commits it.</summary>
    internal async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        if (depth > 0 || db.Database.CurrentTransaction is not null)
        {
            depth++;
            try
            {
                return await operation();
            }
            finally
            {
                depth--;
                if (depth == 0)
                {
                    // Inside a transaction of someone else's (a recipe run): its commit is not ours to follow.
                    raised.Clear();
                }
            }
        }

        T committed;
        IReadOnlyList<ContentEvent> changes;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            depth++;
            try
            {
                committed = await operation();
                await transaction.CommitAsync(cancellationToken);
                changes = raised.ToArray();
            }
            catch
            {
                // What the operation tracked but could not store is forgotten with the transaction.
                db.ChangeTracker.Clear();
                throw;
            }
            finally
            {
                depth--;
                raised.Clear();
                foreach (var context in enlisted)
                {
                    Release(context);
                }

                enlisted.Clear();
            }
        }

        await AfterCommitAsync(changes);
        return committed;
    }

    /// <summary>The change is stored whatever happens here: a failing commit handler is logged, never thrown.</summary>
    private async Task AfterCommitAsync(IReadOnlyList<ContentEvent> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var handler in commitHandlers)
        {
            try
            {
                // Not the request's token: a client that goes away must not leave the copy half done.
                await handler.CommittedAsync(changes, CancellationToken.None);
            }
#pragma warning disable CA1031 // Nothing after the commit may fail the operation; the handler's catch-up repairs.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogCommitHandlerFailed(logger, ex, handler.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} failed after a content change was committed; the change stands")]
    private static partial void LogCommitHandlerFailed(ILogger logger, Exception exception, string handler);

    /// <summary>A context enlisted for the operation goes back to its own transactions (unless its handler disposed of it).</summary>
    private static void Release(DbContext context)
    {
        try
        {
            context.Database.UseTransaction(null);
            context.ChangeTracker.Clear();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    internal Task RunAsync(Func<Task> operation, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await operation();
            return true;
        }, cancellationToken);

    /// <summary>Hands the change to every module's handler, in registration order, inside the unit.</summary>
    internal async Task RaiseAsync(ContentEvent change, CancellationToken cancellationToken)
    {
        raised.Add(change);
        foreach (var handler in handlers)
        {
            await handler.HandleAsync(change, this, cancellationToken);
        }
    }
}
