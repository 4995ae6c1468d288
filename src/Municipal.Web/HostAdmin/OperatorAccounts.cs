using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Municipal.Core.Security;
using Municipal.Core.Storage;

namespace Municipal.Web.HostAdmin;

/// <summary>An operator account refused (address taken or invalid, weak password): the message is French and shown as is.</summary>
public sealed class OperatorRequestException(string message) : Exception(message);

public enum OperatorSignInOutcome
{
    Succeeded,
    Invalid,
    LockedOut,
}

public sealed record OperatorSignIn(OperatorSignInOutcome Outcome, OperatorRecord? Operator);

/// <summary>
/// The regional operator's accounts, in the host database: created by the command line (or by tests), checked at
/// /host/connexion with Identity's password hasher and the same throttle as tenants' administrators.
/// </summary>
public sealed class OperatorAccounts(HostDbContext db, PasswordPolicy passwordPolicy, TimeProvider clock)
{
    private static readonly PasswordHasher<OperatorRecord> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    /// <summary>Creates an operator; returns the one-time password generated when none was given (else null).</summary>
    public async Task<string?> CreateAsync(string email, string? password, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        if (email.Length is 0 or > 256 || email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace))
        {
            throw new OperatorRequestException(HostText.Format("OperatorErrorEmail", email));
        }

        var generated = password is null ? AdminAccounts.GeneratePassword() : null;
        password ??= generated!;
        if (passwordPolicy.Check(password) is { } problem)
        {
            throw new OperatorRequestException(HostText.Format("OperatorErrorPassword", problem));
        }

        var normalized = Normalize(email);
        if (await db.Operators.AnyAsync(o => o.NormalizedEmail == normalized, cancellationToken))
        {
            throw new OperatorRequestException(HostText.Format("OperatorErrorExists", email));
        }

        var record = new OperatorRecord { Email = email, NormalizedEmail = normalized, PasswordHash = string.Empty, CreatedUtc = clock.GetUtcNow() };
        record.PasswordHash = Hasher.HashPassword(record, password);
        db.Operators.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return generated;
    }

    /// <summary>
    /// Checks a password. Wrong passwords do not lock the account (a stranger could then keep the operator out):
    /// the sign-in page throttles the client that typed them (SignInThrottle). A lockout set before is still
    /// honoured, and said only to whoever gives the right password.
    /// </summary>
    public async Task<OperatorSignIn> SignInAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(email);
        var record = await db.Operators.FirstOrDefaultAsync(o => o.NormalizedEmail == normalized, cancellationToken);
        if (record is null)
        {
            // Same work as for a known address, so that timing does not tell which addresses exist.
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return new OperatorSignIn(OperatorSignInOutcome.Invalid, null);
        }

        var result = Hasher.VerifyHashedPassword(record, record.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            return new OperatorSignIn(OperatorSignInOutcome.Invalid, null);
        }

        if (record.LockoutEndUtc is { } end && end > clock.GetUtcNow())
        {
            return new OperatorSignIn(OperatorSignInOutcome.LockedOut, null);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            record.PasswordHash = Hasher.HashPassword(record, password);
        }

        record.AccessFailedCount = 0;
        record.LockoutEndUtc = null;
        record.SessionStamp ??= NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        return new OperatorSignIn(OperatorSignInOutcome.Succeeded, record);
    }

    /// <summary>Ends every session of the operator: cookies issued so far name a stamp that is no longer theirs.</summary>
    public async Task EndSessionsAsync(long operatorId, CancellationToken cancellationToken = default)
    {
        if (await db.Operators.FirstOrDefaultAsync(o => o.Id == operatorId, cancellationToken) is { } record)
        {
            record.SessionStamp = NewStamp();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Whether a cookie naming this operator and stamp belongs to a session still open.</summary>
    public Task<bool> IsSessionOpenAsync(long operatorId, string stamp, CancellationToken cancellationToken = default) =>
        db.Operators.AsNoTracking().AnyAsync(o => o.Id == operatorId && o.SessionStamp == stamp, cancellationToken);

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
