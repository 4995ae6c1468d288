using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Core.Sharing;
using Municipal.Events.Model;
using Municipal.Web.Tests.Admin;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Events;

/// <summary>
/// Issue 14: the agenda form offers each municipality that shares events (the catalogue's list of sources: a test
/// double here, for that list and the shared items only) with what narrows it; and the "Événements partagés avec
/// nous" page lists what the tenant's agendas select, with the address where the public sees it.
/// </summary>
public abstract class AgendaEditorTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : StorageFixture
{
    private const string NewAgenda = ContentAdminRoutes.New + "?type=Agenda";

    private readonly TestCatalog _catalog = new();

    private MunicipalApp _app = null!;

    public Task InitializeAsync()
    {
        _app = fixture.StartApp(services: s => s.AddSingleton<ISharedCatalog>(_catalog));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_agenda_takes_the_events_of_a_municipality_that_shares_them_narrowed_by_category_and_postal_code()
    {
        var (name, editor) = await SignInAsync("agenda-sources");
        var form = WebUtility.HtmlDecode(await editor.Client.GetStringAsync(NewAgenda));
        Assert.Contains("<legend>Commune voisine (3 événements partagés)</legend>", form, StringComparison.Ordinal);

        var posted = await ContentForm.SubmitAsync(editor, NewAgenda, NewAgenda, new()
        {
            ["title"] = "Agenda culturel",
            ["own-events"] = "Listed",
            ["source-voisine"] = "true",
            ["source-voisine-categories"] = "concert\u001fspectacle",
            ["source-voisine-postal-codes"] = "5000, 5100",
            ["action"] = "publish",
        });

        var id = ContentForm.ItemId(posted);
        var agenda = await LatestAsync(name, id);
        Assert.Equal(OwnEventsRule.Listed, agenda.OwnEvents);
        var source = Assert.Single(agenda.Sources);
        Assert.Equal("voisine", source.Tenant);
        Assert.Equal(["concert", "spectacle"], source.Categories);
        Assert.Equal(["5000", "5100"], source.PostalCodes);

        var shared = WebUtility.HtmlDecode(await editor.Client.GetStringAsync("/admin/evenements-partages"));
        Assert.Contains(">Événements partagés avec nous</a>", shared, StringComparison.Ordinal);
        Assert.Contains("/evenements/partages/voisine/concert-du-parc\">Concert du parc</a>", shared, StringComparison.Ordinal);
        Assert.Contains("<td>Commune voisine</td>", shared, StringComparison.Ordinal);
        Assert.Contains("<td>Agenda culturel</td>", shared, StringComparison.Ordinal);
        Assert.Contains("de 20 h à 22 h", shared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_category_or_a_municipality_that_no_longer_shares_is_refused_with_a_French_message()
    {
        var (name, editor) = await SignInAsync("agenda-errors");
        var badCategory = await ContentForm.SubmitAsync(editor, NewAgenda, NewAgenda, new()
        {
            ["title"] = "Agenda sportif",
            ["source-voisine"] = "true",
            ["source-voisine-categories"] = "inexistante",
        });
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.Contains("Choisissez une des propositions du champ « Seulement ces catégories »", WebUtility.HtmlDecode(await badCategory.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(editor, NewAgenda, NewAgenda, new() { ["title"] = "Agenda sportif", ["source-voisine"] = "true" }));
        _catalog.Sharing = false;
        try
        {
            var edit = WebUtility.HtmlDecode(await editor.Client.GetStringAsync(ContentAdminRoutes.Edit(id)));
            Assert.Contains("<legend>voisine (ne partage plus d'événements)</legend>", edit, StringComparison.Ordinal);
            var refused = await ContentForm.SubmitAsync(editor, ContentAdminRoutes.Edit(id), ContentAdminRoutes.Edit(id), []);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("<a href=\"#source-voisine\">La commune « voisine » ne partage pas d'événements : décochez-la</a>", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

            var unticked = await ContentForm.SubmitAsync(editor, ContentAdminRoutes.Edit(id), ContentAdminRoutes.Edit(id), new() { ["source-voisine"] = string.Empty });
            Assert.Equal(HttpStatusCode.Redirect, unticked.StatusCode);
            Assert.Empty((await LatestAsync(name, id)).Sources);
        }
        finally
        {
            _catalog.Sharing = true;
        }
    }

    private async Task<(string Name, AdminSession Editor)> SignInAsync(string stem)
    {
        var name = await ContentForm.CreateTenantAsync(fixture, _app, stem);
        return (name, await ContentForm.SignInAsync(_app, name, TenantRoles.Editor));
    }

    private async Task<AgendaContent> LatestAsync(string tenant, string id)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(_app.Services, tenant);
        return ContentStore.Read<AgendaContent>((await scope.ServiceProvider.GetRequiredService<ContentStore>().GetLatestAsync(id))!);
    }

    /// <summary>The catalogue as the agenda editor and the shared events page see it: one neighbour sharing one concert.</summary>
    private sealed class TestCatalog : ISharedCatalog
    {
        private static readonly SharedItem Concert = new(
            "voisine", "Commune voisine", "concert-1", EventTypes.Event, "Concert du parc", "concert-du-parc", "{}",
            new SharedFacets(["concert"], [], [], "5000", "Namur", null, null, []), DateTimeOffset.UnixEpoch);

        public bool Sharing { get; set; } = true;

        public Task<IReadOnlyList<SharedSourceSummary>> SourcesAsync(string readerTenant, string contentType, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SharedSourceSummary>>(Sharing ? [new("voisine", "Commune voisine", 3)] : []);

        public Task<SharedPage<SharedItem>> ItemsAsync(string readerTenant, string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter, int skip, int take, CancellationToken cancellationToken) =>
            Task.FromResult(new SharedPage<SharedItem>(rules.Any(r => r.Tenant == "voisine") ? [Concert] : [], rules.Any(r => r.Tenant == "voisine") ? 1 : 0));

        public Task<IReadOnlyList<SharedOccurrence>> OccurrencesOfAsync(string sourceTenant, string contentItemId, DateTimeOffset fromUtc, int take, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SharedOccurrence>>([new(new DateTimeOffset(2027, 7, 3, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 7, 3, 20, 0, 0, TimeSpan.Zero), false, "Scheduled")]);

        public Task<SharedPage<SharedOccurrenceHit>> OccurrencesAsync(string readerTenant, string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter, DateTimeOffset fromUtc, DateTimeOffset toUtc, int skip, int take, CancellationToken cancellationToken) =>
            Task.FromResult(new SharedPage<SharedOccurrenceHit>([], 0));

        public Task<SharedItem?> FindAsync(string sourceTenant, string contentType, string slug, CancellationToken cancellationToken) =>
            Task.FromResult<SharedItem?>(null);
    }
}

public sealed class AgendaEditorTestsOnSqlite(SqliteFixture fixture) : AgendaEditorTests<SqliteFixture>(fixture);

public sealed class AgendaEditorTestsOnPostgres(PostgresFixture fixture) : AgendaEditorTests<PostgresFixture>(fixture);
