using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Municipal.Core.Storage;

/// <summary>
/// Stores a list of strings as one JSON text column, the same on SQLite and PostgreSQL, so one set of
/// migrations serves both providers (Npgsql would otherwise pick a native array type).
/// </summary>
internal sealed class JsonListConverter() : ValueConverter<List<string>, string>(
    list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
    json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>())
{
    public static readonly ValueComparer<List<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());
}
