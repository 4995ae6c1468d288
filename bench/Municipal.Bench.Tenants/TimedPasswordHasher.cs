using System.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace Municipal.Bench.Tenants;

/// <summary>
/// Wraps the host's own password hasher and only measures it: how much of each tenant's creation is the
/// PBKDF2 hash of its administrator's password (wall and thread CPU time), inside the real run.
/// </summary>
internal sealed class TimedPasswordHasher(IPasswordHasher<IdentityUser> inner, HashClock clock) : IPasswordHasher<IdentityUser>
{
    public string HashPassword(IdentityUser user, string password)
    {
        var cpu = ProcessProbe.ThreadCpuTime();
        var watch = Stopwatch.StartNew();
        try
        {
            return inner.HashPassword(user, password);
        }
        finally
        {
            clock.Add(watch.Elapsed, ProcessProbe.ThreadCpuTime() - cpu);
        }
    }

    public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword) =>
        inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
}

/// <summary>Totals of the hashes made so far.</summary>
internal sealed class HashClock
{
    private long _count;
    private long _wallTicks;
    private long _cpuTicks;

    public void Add(TimeSpan wall, TimeSpan cpu)
    {
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _wallTicks, wall.Ticks);
        Interlocked.Add(ref _cpuTicks, cpu.Ticks);
    }

    public (long Count, TimeSpan Wall, TimeSpan Cpu) Read() =>
        (Interlocked.Read(ref _count), TimeSpan.FromTicks(Interlocked.Read(ref _wallTicks)), TimeSpan.FromTicks(Interlocked.Read(ref _cpuTicks)));
}
