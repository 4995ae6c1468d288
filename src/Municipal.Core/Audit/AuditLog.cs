using System.Security.Claims;

namespace Municipal.Core.Audit;

/// <summary>
/// Writes the tenant's audit log. <see cref="Add"/> stages a line on the tenant's context, so that it is saved by
/// the same SaveChanges as the change itself (both or neither); <see cref="RecordAsync"/> saves at once.
/// The actor is the signed-in user of the request, or <paramref name="systemActor"/> when there is none.
/// </summary>
public sealed class AuditLog(TenantDbContext db, IHttpContextAccessor accessor, TimeProvider clock)
{
    public void Add(string action, string objectType, string? objectId, string objectName, string? details = null, string? systemActor = null)
    {
        // The name is written in the culture of the moment, like the text of the rest of the record.
        systemActor ??= CoreText.Get("AuditActorSystem");
        var user = accessor.HttpContext?.User is { Identity.IsAuthenticated: true } principal ? principal : null;
        db.AuditLog.Add(new AuditRecord
        {
            AtUtc = clock.GetUtcNow(),
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            Actor = user is null ? systemActor : user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? systemActor,
            Action = action,
            ObjectType = objectType,
            ObjectId = objectId,
            ObjectName = objectName,
            Details = details,
        });
    }

    public async Task RecordAsync(string action, string objectType, string? objectId, string objectName, string? details = null, CancellationToken cancellationToken = default)
    {
        Add(action, objectType, objectId, objectName, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest lines first, optionally of one object, paged.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(int skip, int take, string? objectId = null, CancellationToken cancellationToken = default)
    {
        var query = db.AuditLog.AsNoTracking();
        if (objectId is not null)
        {
            query = query.Where(a => a.ObjectId == objectId);
        }

        return await query.OrderByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    public Task<int> CountAsync(string? objectId = null, CancellationToken cancellationToken = default) =>
        objectId is null ? db.AuditLog.CountAsync(cancellationToken) : db.AuditLog.CountAsync(a => a.ObjectId == objectId, cancellationToken);
}
