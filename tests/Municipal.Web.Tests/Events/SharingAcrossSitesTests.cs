using System.Net;
using System.Text.Json;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Events;

/// <summary>
/// Issue 14, end to end on the real catalogue: a tourist office made from its recipe (no site menu) shares its events;
/// a commune whose agenda subscribes to it shows them on /agenda with "Proposé par …", on their page, in its .ics feed
/// and in /api/events; once the office unpublishes one, it is gone from all of them on the next request (the
/// subscriber's cached pages were evicted). SQLite and PostgreSQL.
/// </summary>
public abstract class SharingAcrossSitesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string OfficeName = "Office du tourisme de Valmont";

    [Fact]
    public async Task The_tourist_offices_shared_events_show_on_the_communes_agenda_page_feed_and_api_until_unpublished()
    {
        var office = fixture.NewTenantName("tourisme");
        await fixture.CreateTenantAsync(office, recipe: "tourism-office", displayName: OfficeName);
        var commune = fixture.NewTenantName("commune");
        var recipe = RecipeFiles.Write(fixture, $$"""
            {"name": "abonne", "steps": [{"step": "features", "enable": ["events"]}, {"step": "content", "items": [
              {"type": "Agenda", "title": "Agenda de la région", "slug": "region", "ownEvents": "all", "sources": [{"tenant": "{{office}}"}]}
            ]}]}
            """);
        await fixture.CreateTenantAsync(commune, recipe: recipe);
        var visitor = fixture.ClientFor($"{commune}.localhost");

        // The office's weekly Sunday visit has a date in any coming week.
        var items = await ApiItemsAsync(visitor);
        var visit = items.First(i => i.GetProperty("url").GetString()!.EndsWith("/visite-du-vieux-valmont", StringComparison.Ordinal));
        Assert.Equal(office, visit.GetProperty("source").GetString());
        var title = visit.GetProperty("title").GetString()!;
        var agenda = await visitor.GetStringAsync("/agenda");
        Assert.Contains(title, agenda, StringComparison.Ordinal);
        Assert.Contains("Proposé par " + OfficeName, WebUtility.HtmlDecode(agenda), StringComparison.Ordinal);

        var page = await visitor.GetAsync(new Uri(visit.GetProperty("url").GetString()!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Proposé par " + OfficeName, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var feed = Calendar.Load(await visitor.GetStringAsync("/agenda.ics"))!;
        var inFeed = Assert.Single(feed.Events, e => e.Summary == title);
        Assert.NotNull(inFeed.RecurrenceRule);

        // The office unpublishes its visit: the commune no longer shows it anywhere.
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, office))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().UnpublishAsync(visit.GetProperty("id").GetString()!);
        }

        Assert.DoesNotContain(await ApiItemsAsync(visitor), i => i.GetProperty("title").GetString() == title);
        Assert.DoesNotContain(title, await visitor.GetStringAsync("/agenda"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(visit.GetProperty("url").GetString()!).PathAndQuery)).StatusCode);
        Assert.DoesNotContain(Calendar.Load(await visitor.GetStringAsync("/agenda.ics"))!.Events, e => e.Summary == title);
    }

    private async Task<List<JsonElement>> ApiItemsAsync(HttpClient visitor)
    {
        var today = DateOnly.FromDateTime(Municipal.Core.Display.BrusselsTime.ToLocal(fixture.Clock.GetUtcNow()).DateTime);
        using var json = JsonDocument.Parse(await visitor.GetStringAsync($"/api/events?from={today:yyyy-MM-dd}&to={today.AddDays(13):yyyy-MM-dd}"));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone()).ToList();
    }
}

public sealed class SharingAcrossSitesTestsOnSqlite(SqliteFixture fixture) : SharingAcrossSitesTests<SqliteFixture>(fixture);

public sealed class SharingAcrossSitesTestsOnPostgres(PostgresFixture fixture) : SharingAcrossSitesTests<PostgresFixture>(fixture);
