using System.Net;
using System.Text.Json;
using Municipal.Events.Model;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Events.EventTestContent;

namespace Municipal.Web.Tests.Events;

/// <summary>
/// GET /api/events: one item per occurrence in the documented shape, times with their Brussels offset (winter and
/// summer), 50 a page, and a French 400 problem for every parameter it cannot read. SQLite and PostgreSQL.
/// </summary>
public abstract class EventsApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private static readonly string[] VenueFields = ["name", "street", "number", "box", "postalCode", "locality"];

    [Fact]
    public async Task Occurrences_come_in_the_documented_shape_with_the_Brussels_offset_of_their_date()
    {
        var name = fixture.NewTenantName("api-events");
        await fixture.CreateTenantAsync(name);
        var winter = Next(fixture, 1, 15);
        var summer = Next(fixture, 7, 15);
        string id;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            id = (await PublishAsync(scope, "janvier", Event("Concert de janvier", new EventSchedule(winter.ToDateTime(new TimeOnly(10, 0)), winter.ToDateTime(new TimeOnly(12, 30))), "concert"))).ContentItemId;
            await PublishAsync(scope, "juillet", Event(
                "Marché de juillet", new EventSchedule(summer.ToDateTime(new TimeOnly(10, 0)), null, Recurrence: "FREQ=DAILY;COUNT=2"), "marche",
                new OccurrenceStatus(summer.AddDays(1), EventStatus.Cancelled)));
        }

        var client = fixture.ClientFor($"{name}.localhost");
        using var january = JsonDocument.Parse(await client.GetStringAsync($"/api/events?from={Brussels.IsoDate(winter)}&to={Brussels.IsoDate(winter)}"));
        var root = january.RootElement;
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        var item = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal("Concert de janvier", item.GetProperty("title").GetString());
        Assert.Equal($"{Brussels.IsoDate(winter)}T10:00:00+01:00", item.GetProperty("start").GetString());
        Assert.Equal($"{Brussels.IsoDate(winter)}T12:30:00+01:00", item.GetProperty("end").GetString());
        Assert.False(item.GetProperty("wholeDay").GetBoolean());
        Assert.Equal("scheduled", item.GetProperty("status").GetString());
        Assert.Equal($"http://{name}.localhost/evenements/janvier", item.GetProperty("url").GetString());
        Assert.Equal(name, item.GetProperty("source").GetString());
        Assert.Equal("concert", item.GetProperty("category").GetString());
        var venue = item.GetProperty("venue");
        Assert.Equal(
            ["Place Communale", "Rue Haute", "12", "3", "5000", "Namur"],
            VenueFields.Select(p => venue.GetProperty(p).GetString()));
        Assert.Equal(50.4669, venue.GetProperty("lat").GetDouble());
        Assert.Equal(4.8675, venue.GetProperty("lon").GetDouble());

        using var july = JsonDocument.Parse(await client.GetStringAsync($"/api/events?from={Brussels.IsoDate(summer)}&to={Brussels.IsoDate(summer.AddDays(3))}&category=marche"));
        var days = july.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal([$"{Brussels.IsoDate(summer)}T10:00:00+02:00", $"{Brussels.IsoDate(summer.AddDays(1))}T10:00:00+02:00"], days.Select(d => d.GetProperty("start").GetString()));
        Assert.Equal(["scheduled", "cancelled"], days.Select(d => d.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, days[0].GetProperty("end").ValueKind);
    }

    [Fact]
    public async Task Fifty_occurrences_a_page_and_the_total_on_every_page()
    {
        var name = fixture.NewTenantName("api-pages");
        await fixture.CreateTenantAsync(name);
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            await PublishAsync(scope, "piscine", Event("Piscine", new EventSchedule(Local(fixture, 1, 9), Local(fixture, 1, 12), Recurrence: "FREQ=DAILY;COUNT=60"), "sport"));
        }

        var client = fixture.ClientFor($"{name}.localhost");
        var range = $"from={Brussels.IsoDate(Brussels.Today(fixture.Clock))}&to={Brussels.IsoDate(Brussels.Today(fixture.Clock).AddDays(100))}";
        using var first = JsonDocument.Parse(await client.GetStringAsync($"/api/events?{range}"));
        using var second = JsonDocument.Parse(await client.GetStringAsync($"/api/events?{range}&page=2"));
        using var third = JsonDocument.Parse(await client.GetStringAsync($"/api/events?{range}&page=3"));

        Assert.Equal(50, first.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(10, second.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(0, third.RootElement.GetProperty("items").GetArrayLength());
        Assert.All(new[] { first, second, third }, d => Assert.Equal(60, d.RootElement.GetProperty("total").GetInt32()));
        Assert.Equal(2, second.RootElement.GetProperty("page").GetInt32());
        var last = first.RootElement.GetProperty("items")[49].GetProperty("start").GetString();
        var next = second.RootElement.GetProperty("items")[0].GetProperty("start").GetString();
        Assert.True(DateTimeOffset.Parse(next!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.Parse(last!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("from=2026-13-01")]
    [InlineData("from=15/01/2027")]
    [InlineData("from=1990-01-01&to=1990-01-31")]
    [InlineData("from=2027-03-10&to=2027-03-01")]
    [InlineData("from=2027-01-01&to=2029-12-31")]
    [InlineData("category=pirate")]
    [InlineData("agenda=inconnu")]
    [InlineData("agenda=..%2Fadmin")]
    [InlineData("page=0")]
    [InlineData("page=abc")]
    [InlineData("page=99999999999999999999")]
    [InlineData("period=demain")]
    public async Task A_parameter_it_cannot_read_is_a_400_problem_in_French(string query)
    {
        var name = fixture.NewTenantName("api-bad");
        await fixture.CreateTenantAsync(name);
        var client = fixture.ClientFor($"{name}.localhost");

        var response = await client.GetAsync("/api/events?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Les paramètres de la demande sont incorrects.", problem.RootElement.GetProperty("title").GetString());
        var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty("query").EnumerateArray()).GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
    }
}

public sealed class EventsApiTestsOnSqlite(SqliteFixture fixture) : EventsApiTests<SqliteFixture>(fixture);

public sealed class EventsApiTestsOnPostgres(PostgresFixture fixture) : EventsApiTests<PostgresFixture>(fixture);
