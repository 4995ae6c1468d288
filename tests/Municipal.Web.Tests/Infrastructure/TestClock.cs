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
