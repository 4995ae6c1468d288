using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Sharing;
using Municipal.Events.Model;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Events.EventTestData;

namespace Municipal.Web.Tests.Events;

/// <summary>
/// Issue 14: another tenant's shared event on a subscriber's agenda and at evenements/partages/&lt;source&gt;/&lt;slug&gt;,
/// with "Proposé par", and a 404 where the subscriber's agendas do not select it. The catalogue is a test double here
/// (<see cref="FakeSharedCatalog"/>): this tests the pages, the sharing engine has tests of its own.
/// </summary>
public abstract class SharedEventPageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Source = "office-valmont";

    private async Task<(MunicipalApp App, string Name, HttpClient Visitor)> SubscriberAsync(FakeSharedCatalog catalog, params AgendaSource[] sources)
    {
        var app = fixture.StartApp(services: s => s.AddScoped<ISharedCatalog>(_ => catalog));
        var name = fixture.NewTenantName("abonne");
        await fixture.CreateTenantAsync(name);
        if (sources.Length > 0)
        {
            await AgendaAsync(app.Services, name, "region", new AgendaContent("Agenda de la région", null, OwnEventsRule.All, sources));
        }

        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{name}.localhost/") });
        return (app, name, visitor);
    }

    private FakeSharedCatalog Catalog()
    {
        var content = Event("Balade guidée des remparts", Local(fixture.Clock, 3, 14), Local(fixture.Clock, 3, 16), category: "visite") with
        {
            Venue = new("Office du tourisme", "Grand-Place", "1", null, "5000", "Namur", 50.46, 4.86),
            Admission = new(false, "5 €"),
        };
        var item = new SharedItem(Source, "Office du tourisme de Valmont", "evt-balade", EventTypes.Event, content.Title, "balade",
            ContentStore.Serialize(content), new SharedFacets(["visite"], [], [], "5000", "Namur", 50.46, 4.86, []), fixture.Clock.GetUtcNow());
        var start = Brussels.At(Brussels.Today(fixture.Clock).AddDays(3), new TimeOnly(14, 0));
        return new FakeSharedCatalog(item, [new SharedOccurrence(start, start.AddHours(2), false, nameof(EventStatus.Scheduled))]);
    }

    [Fact]
    public async Task A_shared_event_shows_on_the_agenda_and_on_its_page_with_its_source_and_no_calendar_link()
    {
        var (app, _, visitor) = await SubscriberAsync(Catalog(), new AgendaSource(Source, [], [], []));
        await using var _ = app;

        var agenda = WebUtility.HtmlDecode(await visitor.GetStringAsync("/agenda"));
        Assert.Contains("<a href=\"/evenements/partages/office-valmont/balade\">Balade guidée des remparts</a>", agenda, StringComparison.Ordinal);
        Assert.Contains("<p class=\"agenda-source\">Proposé par Office du tourisme de Valmont</p>", agenda, StringComparison.Ordinal);

        var response = await visitor.GetAsync("/evenements/partages/office-valmont/balade");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 id=\"page-title\">Balade guidée des remparts</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"event-source\">Proposé par Office du tourisme de Valmont</p>", html, StringComparison.Ordinal);
        Assert.Contains($">{Day(Brussels.Today(fixture.Clock).AddDays(3))} de 14 h à 16 h</time>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>5 €</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Voir sur la carte", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter à mon agenda", html, StringComparison.Ordinal);
        Assert.Equal("Office du tourisme de Valmont", JsonLd(html).GetProperty("organizer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_subscriber_never_shows_a_shared_event_its_agendas_do_not_select()
    {
        var (none, _, withoutAgenda) = await SubscriberAsync(Catalog());
        await using (none)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await withoutAgenda.GetAsync("/evenements/partages/office-valmont/balade")).StatusCode);
            Assert.DoesNotContain("Balade", await withoutAgenda.GetStringAsync("/agenda"), StringComparison.Ordinal);
        }

        var (concerts, _, concertsOnly) = await SubscriberAsync(Catalog(), new AgendaSource(Source, ["concert"], [], []));
        await using (concerts)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await concertsOnly.GetAsync("/evenements/partages/office-valmont/balade")).StatusCode);
        }

        var (other, _, otherPostalCode) = await SubscriberAsync(Catalog(), new AgendaSource(Source, [], [], ["6000"]));
        await using (other)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherPostalCode.GetAsync("/evenements/partages/office-valmont/balade")).StatusCode);
        }

        var (all, _, subscriber) = await SubscriberAsync(Catalog(), new AgendaSource(Source, ["visite"], [], ["5000"]));
        await using (all)
        {
            Assert.Equal(HttpStatusCode.OK, (await subscriber.GetAsync("/evenements/partages/office-valmont/balade")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await subscriber.GetAsync("/evenements/partages/office-valmont/plus-partage")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await subscriber.GetAsync("/evenements/partages/autre-source/balade")).StatusCode);
        }
    }
}

/// <summary>A catalogue of one shared event from one source, answering as the contract says.</summary>
public sealed class FakeSharedCatalog(SharedItem item, IReadOnlyList<SharedOccurrence> occurrences) : ISharedCatalog
{
    public Task<SharedPage<SharedOccurrenceHit>> OccurrencesAsync(
        string readerTenant, string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter,
        DateTimeOffset fromUtc, DateTimeOffset toUtc, int skip, int take, CancellationToken cancellationToken)
    {
        var selected = contentType == item.ContentType && rules.Any(r => r.Tenant == item.SourceTenant
            && (r.Categories.Count == 0 || r.Categories.Intersect(item.Facets.Categories).Any()));
        var hits = selected
            ? occurrences.Where(o => o.StartUtc >= fromUtc && o.StartUtc < toUtc).Select(o => new SharedOccurrenceHit(item, o)).ToArray()
            : [];
        return Task.FromResult(new SharedPage<SharedOccurrenceHit>(hits.Skip(skip).Take(take).ToArray(), hits.Length));
    }

    public Task<SharedPage<SharedItem>> ItemsAsync(
        string readerTenant, string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter, int skip, int take, CancellationToken cancellationToken) =>
        Task.FromResult(new SharedPage<SharedItem>([], 0));

    public Task<SharedItem?> FindAsync(string sourceTenant, string contentType, string slug, CancellationToken cancellationToken) =>
        Task.FromResult(sourceTenant == item.SourceTenant && contentType == item.ContentType && slug == item.Slug ? item : null);

    public Task<IReadOnlyList<SharedOccurrence>> OccurrencesOfAsync(string sourceTenant, string contentItemId, DateTimeOffset fromUtc, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SharedOccurrence>>(sourceTenant == item.SourceTenant && contentItemId == item.ContentItemId
            ? occurrences.Where(o => o.StartUtc >= fromUtc).Take(take).ToArray()
            : []);

    public Task<IReadOnlyList<SharedSourceSummary>> SourcesAsync(string readerTenant, string contentType, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SharedSourceSummary>>([new(item.SourceTenant, item.SourceDisplayName, 1)]);
}

public sealed class SharedEventPageTestsOnSqlite(SqliteFixture fixture) : SharedEventPageTests<SqliteFixture>(fixture);

public sealed class SharedEventPageTestsOnPostgres(PostgresFixture fixture) : SharedEventPageTests<PostgresFixture>(fixture);
