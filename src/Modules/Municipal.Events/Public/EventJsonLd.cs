using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Municipal.Core.Sharing;
using Municipal.Core.Tenancy;

namespace Municipal.Events.Public;

/// <summary>
/// The schema.org Event of an event page, for search engines. Written into a script element of type
/// application/ld+json: a data block, which browsers never run, so the site's CSP (script-src 'self') neither blocks
/// it nor needs a nonce. The serializer's default encoder escapes &lt; and &gt;, so no text can close the element.
/// </summary>
public static class EventJsonLd
{
    public static string Write(HttpContext http, EventContent content, string path, SharedOccurrence occurrence, string organiserFallback)
    {
        var site = TenantUrls.BaseUrl(http);
        var status = EventPages.Status(occurrence.Status) ?? EventStatus.Scheduled;
        var venue = content.Venue;
        var online = !string.IsNullOrWhiteSpace(content.OnlineUrl);
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = content.Title,
            ["url"] = site + path.TrimStart('/'),
            ["startDate"] = EventDates.Iso(occurrence.StartUtc, occurrence.WholeDay),
            ["eventStatus"] = "https://schema.org/" + status switch
            {
                EventStatus.Cancelled => "EventCancelled",
                EventStatus.Postponed => "EventPostponed",
                _ => "EventScheduled",
            },
            ["eventAttendanceMode"] = "https://schema.org/" + (venue is not null && online ? "MixedEventAttendanceMode" : online ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"),
        };
        if (occurrence.EndUtc is { } end)
        {
            // A whole day's end is exclusive in the index; schema.org wants the last day.
            json["endDate"] = occurrence.WholeDay
                ? BrusselsTime.Date(end).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : EventDates.Iso(end, false);
        }

        if (!string.IsNullOrWhiteSpace(content.Summary))
        {
            json["description"] = content.Summary;
        }

        if (content.Image is { } image)
        {
            json["image"] = image.Src.StartsWith('/') ? site + image.Src.TrimStart('/') : image.Src;
        }

        var locations = new JsonArray();
        if (venue is not null)
        {
            var place = new JsonObject { ["@type"] = "Place", ["name"] = venue.Name };
            var street = string.Join(' ', new[] { venue.Street, venue.Number }.Where(p => !string.IsNullOrWhiteSpace(p)));
            place["address"] = new JsonObject
            {
                ["@type"] = "PostalAddress",
                ["streetAddress"] = street.Length == 0 ? null : street,
                ["postalCode"] = venue.PostalCode,
                ["addressLocality"] = venue.Locality,
                ["addressCountry"] = "BE",
            };
            if (venue.Latitude is { } lat && venue.Longitude is { } lon)
            {
                place["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = lat, ["longitude"] = lon };
            }

            locations.Add(place);
        }

        if (online)
        {
            locations.Add(new JsonObject { ["@type"] = "VirtualLocation", ["url"] = content.OnlineUrl });
        }

        if (locations.Count > 0)
        {
            json["location"] = locations.Count == 1 ? locations[0]!.DeepClone() : locations;
        }

        var organiser = content.Organiser;
        json["organizer"] = new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = organiser?.Name ?? organiserFallback,
            ["email"] = organiser?.Email,
            ["telephone"] = organiser?.Phone,
        };
        if (content.Admission is { } admission)
        {
            json["isAccessibleForFree"] = admission.Free;
            var offer = new JsonObject { ["@type"] = "Offer", ["priceCurrency"] = "EUR", ["url"] = admission.TicketUrl };
            if (admission.Free)
            {
                offer["price"] = 0;
            }
            else if (!string.IsNullOrWhiteSpace(admission.Price))
            {
                offer["description"] = admission.Price;
            }

            if (status == EventStatus.Full)
            {
                offer["availability"] = "https://schema.org/SoldOut";
            }

            json["offers"] = offer;
        }

        return Strip(json).ToJsonString();
    }

    /// <summary>Drops the null members (an address without a street, an organiser without a phone).</summary>
    private static JsonObject Strip(JsonObject json)
    {
        foreach (var key in json.Where(p => p.Value is null).Select(p => p.Key).ToArray())
        {
            json.Remove(key);
        }

        foreach (var child in json.Select(p => p.Value).OfType<JsonObject>())
        {
            Strip(child);
        }

        foreach (var array in json.Select(p => p.Value).OfType<JsonArray>())
        {
            foreach (var child in array.OfType<JsonObject>())
            {
                Strip(child);
            }
        }

        return json;
    }
}
