using System.Globalization;
using Municipal.Admin.Content;

namespace Municipal.Events.Editing;

/// <summary>The "Lieu", "Organisateur" and "Entrée" fields of the event form, and how they are read and checked.</summary>
public static class EventPlaceFields
{
    public const string VenueName = "venue-name";
    public const string Street = "venue-street";
    public const string Number = "venue-number";
    public const string Box = "venue-box";
    public const string PostalCode = "venue-postal-code";
    public const string Locality = "venue-locality";
    public const string Latitude = "venue-latitude";
    public const string Longitude = "venue-longitude";
    public const string OnlineUrl = "online-url";
    public const string OrganiserName = "organiser-name";
    public const string OrganiserEmail = "organiser-email";
    public const string OrganiserPhone = "organiser-phone";
    public const string Free = "free";
    public const string Price = "price";
    public const string TicketUrl = "ticket-url";
    public const string Accessible = "accessible";
    public const string Shared = "shared";

    public static IEnumerable<EditorField> Fields(EventContent? content)
    {
        var where = EventsText.Get("EventGroupWhere");
        var venue = content?.Venue;
        yield return Text(VenueName, "EventFieldVenueName", venue?.Name, where);
        yield return Text(Street, "EventFieldStreet", venue?.Street, where);
        yield return Text(Number, "EventFieldNumber", venue?.Number, where);
        yield return Text(Box, "EventFieldBox", venue?.Box, where);
        yield return Text(PostalCode, "EventFieldPostalCode", venue?.PostalCode, where);
        yield return Text(Locality, "EventFieldLocality", venue?.Locality, where);
        yield return Text(Latitude, "EventFieldLatitude", Coordinate(venue?.Latitude), where) with { Hint = EventsText.Get("EventFieldCoordinatesHint") };
        yield return Text(Longitude, "EventFieldLongitude", Coordinate(venue?.Longitude), where);
        yield return Text(OnlineUrl, "EventFieldOnlineUrl", content?.OnlineUrl, where) with { InputType = "url", Hint = EventsText.Get("EventFieldOnlineUrlHint") };

        var organiser = EventsText.Get("EventGroupOrganiser");
        yield return Text(OrganiserName, "EventFieldOrganiserName", content?.Organiser?.Name, organiser);
        yield return Text(OrganiserEmail, "EventFieldOrganiserEmail", content?.Organiser?.Email, organiser) with { InputType = "email" };
        yield return Text(OrganiserPhone, "EventFieldOrganiserPhone", content?.Organiser?.Phone, organiser) with { InputType = "tel" };

        var admission = EventsText.Get("EventGroupAdmission");
        yield return new CheckboxField(Free, EventsText.Get("EventFieldFree"), content?.Admission?.Free ?? false) { Group = admission };
        yield return Text(Price, "EventFieldPrice", content?.Admission?.Price, admission) with { Hint = EventsText.Get("EventFieldPriceHint") };
        yield return Text(TicketUrl, "EventFieldTicketUrl", content?.Admission?.TicketUrl, admission) with { InputType = "url" };
        yield return new CheckboxField(Accessible, EventsText.Get("EventFieldAccessible"), content?.Accessible ?? false) { Group = admission };
    }

    public static EventVenue? ReadVenue(EditorValues values)
    {
        var latitude = ReadCoordinate(values, Latitude, 90);
        var longitude = ReadCoordinate(values, Longitude, 180);
        if ((latitude is null) != (longitude is null) && !values.Errors.ContainsKey(Latitude) && !values.Errors.ContainsKey(Longitude))
        {
            values.Fail(latitude is null ? Latitude : Longitude, EventsText.Get("EventErrorCoordinatesPair"));
        }

        var postalCode = values.OptionalText(PostalCode);
        if (postalCode is not null && (postalCode.Length is < 4 or > 10 || !postalCode.All(char.IsAsciiLetterOrDigit)))
        {
            values.Fail(PostalCode, EventsText.Get("EventErrorPostalCode"));
        }

        var venue = new EventVenue(
            values.OptionalText(VenueName), values.OptionalText(Street), values.OptionalText(Number), values.OptionalText(Box),
            postalCode, values.OptionalText(Locality), latitude, longitude);
        return venue == new EventVenue(null) ? null : venue;
    }

    public static EventOrganiser? ReadOrganiser(EditorValues values)
    {
        var email = values.OptionalText(OrganiserEmail);
        if (email is not null && (!System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal)))
        {
            values.Fail(OrganiserEmail, EventsText.Get("EventErrorEmail"));
        }

        var organiser = new EventOrganiser(values.OptionalText(OrganiserName), email, values.OptionalText(OrganiserPhone));
        return organiser == new EventOrganiser(null) ? null : organiser;
    }

    public static EventAdmission? ReadAdmission(EditorValues values)
    {
        var admission = new EventAdmission(values.Checked(Free), values.OptionalText(Price), ReadLink(values, TicketUrl));
        if (admission.Free && admission.Price is not null)
        {
            values.Fail(Price, EventsText.Get("EventErrorFreeAndPrice"));
        }

        return admission == new EventAdmission(false) ? null : admission;
    }

    /// <summary>An absolute http(s) address, or null when empty; anything else is refused with a message.</summary>
    public static string? ReadLink(EditorValues values, string name)
    {
        var text = values.OptionalText(name);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0)
        {
            return text;
        }

        values.Fail(name, EventsText.Get("EventErrorLink"));
        return text;
    }

    /// <summary>Decimal degrees, with a point or a comma, within ±<paramref name="limit"/>.</summary>
    private static double? ReadCoordinate(EditorValues values, string name, double limit)
    {
        var text = values.Text(name).Replace(',', '.');
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= limit)
        {
            return value;
        }

        values.Fail(name, EventsText.Format(limit > 90 ? "EventErrorLongitude" : "EventErrorLatitude", values.Text(name)));
        return null;
    }

    private static string Coordinate(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? string.Empty;

    private static TextField Text(string name, string labelKey, string? value, string group) =>
        new(name, EventsText.Get(labelKey), value ?? string.Empty) { Group = group };
}
