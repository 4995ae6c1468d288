using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Municipal.Web.Tests.Infrastructure;

/// <summary>
/// Where the test hosts' clocks start. By default the machine's present (truncated to the second), so a run
/// sees the dates a user would that day; <c>MUNICIPAL_TEST_NOW</c> (ISO 8601, e.g. 2027-12-06T09:00:00Z) moves
/// every host of the web tests to another date, to show that no test depends on the day it runs.
/// </summary>
public static class TestClock
{
    public const string StartVariable = "MUNICIPAL_TEST_NOW";

    public static DateTimeOffset Start { get; } = ReadStart();

    /// <summary>A fake clock of its own, from <see cref="Start"/>: it moves only when a test advances it.</summary>
    public static FakeTimeProvider New() => new(Start);

    private static DateTimeOffset ReadStart()
    {
        var text = Environment.GetEnvironmentVariable(StartVariable);
        if (!string.IsNullOrWhiteSpace(text))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
        }

        var now = TimeProvider.System.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}

/// <summary>Wall-clock dates in Brussels, where the municipalities are, computed from a test's clock.</summary>
public static class Brussels
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>The instant of a Brussels wall-clock time (summer or winter time as that day has it).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>As the forms and the back office write a date: 2026-11-29.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>As the French pages write a date: 29/11/2026.</summary>
    public static string FrenchDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
