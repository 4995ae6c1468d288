using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Recipes;
using Municipal.Core.Storage;
using Municipal.Core.Tenancy;
using Municipal.Events.Model;
using Municipal.Events.Storage;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Events;

/// <summary>
/// Events and agendas made by recipes: a recurring event's occurrences are in the index at once, an agenda's source
/// must be a tenant of the host, and the demo always has upcoming events whatever the day. SQLite and PostgreSQL.
/// </summary>
public abstract class EventRecipeTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private TenantProvisioner Provisioner => fixture.App.Services.GetRequiredService<TenantProvisioner>();

    [Fact]
    public async Task A_recipe_made_recurring_event_has_its_occurrences_in_the_index_with_their_statuses()
    {
        var name = fixture.NewTenantName("recette-agenda");
        await fixture.CreateTenantAsync(name);
        // A weekly rule from next Saturday, four times, without the second; the third is cancelled.
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(2);
        var saturday = today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7);
        string Day(int weeks) => saturday.AddDays(7 * weeks).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var recipe = RecipeFiles.Write(fixture, $$"""
            {"name": "evenements", "steps": [{"step": "content", "items": [
              {"type": "Event", "title": "Marché fermier", "slug": "marche-fermier", "start": "{{Day(0)}}T08:00", "end": "{{Day(0)}}T12:30",
               "recurrence": "FREQ=WEEKLY;BYDAY=SA;COUNT=4", "exceptDates": ["{{Day(1)}}"], "category": "marche", "free": true, "accessible": true,
               "venue": {"name": "Place communale", "postalCode": "5999", "locality": "Valmont", "lat": 50.41, "lon": 4.86},
               "statuses": [{"date": "{{Day(2)}}", "status": "Cancelled"}]}
            ]}]}
            """);

        await Provisioner.ApplyRecipeAsync(name, recipe, recipeMayBePath: true, CancellationToken.None);

        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var rows = await scope.ServiceProvider.GetRequiredService<EventsDbContext>().Occurrences.AsNoTracking()
            .Where(o => o.Path == "evenements/marche-fermier").ToListAsync();
        var starts = rows.OrderBy(o => o.StartUtc.UtcTicks).Select(o => (DateOnly.FromDateTime(BrusselsLocal(o.StartUtc)), BrusselsLocal(o.StartUtc).Hour, o.Status)).ToList();
        Assert.Equal(
            [(saturday, 8, EventStatus.Scheduled), (saturday.AddDays(14), 8, EventStatus.Cancelled), (saturday.AddDays(21), 8, EventStatus.Scheduled)],
            starts);
        Assert.All(rows, o => Assert.True(o.Free && o.Accessible && o.Category == "marche" && o.PostalCode == "5999"));
    }

    [Fact]
    public async Task The_demo_has_upcoming_events_whatever_the_day_and_its_agenda_drops_an_absent_optional_source()
    {
        var name = fixture.NewTenantName("demo-agenda");
        await fixture.CreateTenantAsync(name, recipe: "demo");

        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var now = fixture.Clock.GetUtcNow();
        var occurrences = scope.ServiceProvider.GetRequiredService<EventsDbContext>().Occurrences.AsNoTracking();
        var nextWeek = await occurrences.Where(o => o.StartUtc >= now && o.StartUtc < now.AddDays(8)).Select(o => o.Path).ToListAsync();
        Assert.Contains("evenements/marche-du-samedi", nextWeek);
        Assert.Contains("evenements/balade-du-dimanche", nextWeek);
        Assert.True(await occurrences.AnyAsync(o => o.Path == "evenements/marche-du-samedi" && o.StartUtc > now.AddDays(700)));

        var agenda = await scope.ServiceProvider.GetRequiredService<TenantDbContext>().ContentItems.AsNoTracking()
            .SingleAsync(c => c.ContentType == EventTypes.Agenda && c.Status == ContentStatus.Published && c.Path == "agenda/valmont-et-environs");
        // No tenant "tourisme" on this host: the demo's optional source is left out rather than failing the demo.
        Assert.Empty(JsonSerializer.Deserialize<AgendaContent>(agenda.Data, ContentStore.Json)!.Sources);
    }

    [Fact]
    public async Task An_agenda_source_naming_an_existing_tenant_is_kept_and_an_unknown_one_fails_the_whole_creation()
    {
        var source = fixture.NewTenantName("office");
        await fixture.CreateTenantAsync(source, recipe: "tourism-office");
        var good = RecipeFiles.Write(fixture, $$"""
            {"name": "abonne", "steps": [{"step": "features", "enable": ["events"]}, {"step": "content", "items": [
              {"type": "Agenda", "title": "Agenda", "slug": "region", "ownEvents": "none", "sources": [{"tenant": "{{source}}", "categories": ["visite"]}, {"tenant": "absent-x", "optional": true}]}
            ]}]}
            """);
        var bad = RecipeFiles.Write(fixture, """
            {"name": "abonne", "steps": [{"step": "features", "enable": ["events"]}, {"step": "content", "items": [
              {"type": "Event", "title": "Fête", "start": "2026-12-12", "wholeDay": true, "category": "fete"},
              {"type": "Agenda", "title": "Agenda", "slug": "region", "sources": [{"tenant": "inconnu-du-tout"}]}
            ]}]}
            """);

        var subscriber = fixture.NewTenantName("abonne");
        await fixture.CreateTenantAsync(subscriber, recipe: good);
        var refused = fixture.NewTenantName("refuse");
        var error = await Assert.ThrowsAsync<RecipeException>(() => fixture.CreateTenantAsync(refused, recipe: bad));

        Assert.Contains("étape 2 (content)", error.Message, StringComparison.Ordinal);
        Assert.Contains("élément 2 (Agenda)", error.Message, StringComparison.Ordinal);
        Assert.Contains("« inconnu-du-tout » de l'agenda n'est aucun tenant", error.Message, StringComparison.Ordinal);
        fixture.App.Services.GetRequiredService<TenantRegistry>().Invalidate();
        Assert.Null(await fixture.App.Services.GetRequiredService<TenantRegistry>().FindAsync(refused));
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, subscriber);
        var agenda = await scope.ServiceProvider.GetRequiredService<TenantDbContext>().ContentItems.AsNoTracking()
            .SingleAsync(c => c.ContentType == EventTypes.Agenda && c.Status == ContentStatus.Published);
        var sources = JsonSerializer.Deserialize<AgendaContent>(agenda.Data, ContentStore.Json)!.Sources;
        Assert.Equal(source, Assert.Single(sources).Tenant);
        Assert.Equal(["visite"], sources[0].Categories);
    }

    private static DateTime BrusselsLocal(DateTimeOffset utc) => Municipal.Core.Display.BrusselsTime.ToLocal(utc).DateTime;
}

public sealed class EventRecipeTestsOnSqlite(SqliteFixture fixture) : EventRecipeTests<SqliteFixture>(fixture);

public sealed class EventRecipeTestsOnPostgres(PostgresFixture fixture) : EventRecipeTests<PostgresFixture>(fixture);
