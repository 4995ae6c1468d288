using Municipal.Core.Content;
using Municipal.Events.Model;

namespace Municipal.Bench.Agenda;

/// <summary>
/// Deterministic events spread over the year from a given day: three in four happen once (two hours), one in four
/// repeats (weekly or monthly, open-ended or twelve times), with rotating categories, localities, free and accessible.
/// </summary>
internal static class EventGenerator
{
    private static readonly (string PostalCode, string Locality)[] Places =
    [
        ("5000", "Namur"), ("5100", "Jambes"), ("4000", "Liège"), ("6000", "Charleroi"), ("1300", "Wavre"),
        ("7000", "Mons"), ("6700", "Arlon"), ("5500", "Dinant"), ("4800", "Verviers"), ("1400", "Nivelles"),
    ];

    public static EventContent Create(int i, DateOnly firstDay, bool shared)
    {
        var day = firstDay.AddDays((i * 37) % 365);
        var start = day.ToDateTime(new TimeOnly(8 + (i % 12), i % 2 == 0 ? 0 : 30));
        string? rule = null;
        if (i % 4 == 0)
        {
            rule = ((i / 4) % 2 == 0 ? "FREQ=WEEKLY" : "FREQ=MONTHLY") + ((i / 8) % 2 == 0 ? string.Empty : ";COUNT=12");
        }

        var place = Places[i % Places.Length];
        var category = EventCategories.All[i % EventCategories.All.Count];
        return new EventContent(
            $"Événement {i:D5} : {EventCategories.Label(category)} à {place.Locality}",
            $"Un événement de banc d'essai ({category}) à {place.Locality}, numéro {i}.",
            RichText.Empty,
            new EventSchedule(start, start.AddHours(2), Recurrence: rule),
            category,
            Venue: new EventVenue($"Salle {i % 50}", "Rue de l'Église", (1 + (i % 120)).ToString(System.Globalization.CultureInfo.InvariantCulture), null, place.PostalCode, place.Locality, 50.4 + ((i % 100) / 1000.0), 4.8 + ((i % 100) / 1000.0)),
            Admission: new EventAdmission(i % 3 == 0),
            Accessible: i % 2 == 0,
            Shared: shared);
    }

    public static string Slug(int i) => $"evenement-{i:D5}";

    public static string Path(int i) => $"{EventTypes.EventPath}/{Slug(i)}";
}
