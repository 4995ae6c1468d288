using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Municipal.Core.Storage;

/// <summary>
/// Every DateTimeOffset is stored as UTC ticks (a 64-bit integer), on SQLite and PostgreSQL alike: SQLite cannot
/// compare or sort DateTimeOffset in SQL (due jobs, newest news), and one representation keeps the hand-written
/// migrations provider-neutral. Offsets are not kept: the engine works in UTC and shows local time.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero))
{
    public static void Apply(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
}
