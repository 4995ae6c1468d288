using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Display;
using Municipal.Events.Model;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Events.EventTestData;

namespace Municipal.Web.Tests.Events;

/// <summary>
/// Issue 14: /agenda and /agenda/&lt;slug&gt;: upcoming dates grouped by Brussels day, the GET filters, their errors
/// (400 and a message linked to the field, never a 500), paging that keeps the filters, and the empty result.
/// Each test has a tenant of its own: the public pages are cached per tenant and evicted at each publication.
/// </summary>
public abstract class AgendaPageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private async Task<(string Name, HttpClient Visitor)> TenantAsync()
    {
        var name = fixture.NewTenantName("agenda");
        await fixture.CreateTenantAsync(name);
        return (name, fixture.ClientFor($"{name}.localhost"));
    }


    [Fact]
    public async Task The_agenda_groups_the_upcoming_dates_by_Brussels_day_with_their_hours_in_words()
    {
        var (name, visitor) = await TenantAsync();
        var clock = fixture.Clock;
        await SaveAsync(fixture.App.Services, name, "concert", Event("Concert au kiosque", Local(clock, 3, 15), Local(clock, 3, 18)));
        await SaveAsync(fixture.App.Services, name, "brocante", Event("Grande brocante", Local(clock, 3, 0), Local(clock, 3, 0), wholeDay: true, category: "marche"));
        await SaveAsync(fixture.App.Services, name, "bal", Event("Bal du village", Local(clock, 4, 20, 30)));
        await SaveAsync(fixture.App.Services, name, "passe", Event("Fête passée", Local(clock, -3, 15), Local(clock, -3, 16)));

        var html = await PageAsync(visitor, "/agenda");

        Assert.Contains("<h2 id=\"agenda-count\" class=\"agenda-count\">3 dates trouvées</h2>", html, StringComparison.Ordinal);
        var first = html.IndexOf(">" + Day(Brussels.Today(clock).AddDays(3)) + "</time></h3>", StringComparison.Ordinal);
        var second = html.IndexOf(">" + Day(Brussels.Today(clock).AddDays(4)) + "</time></h3>", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, "one heading per day, in order");
        Assert.Equal(["Grande brocante", "Concert au kiosque", "Bal du village"], Titles(html));
        Assert.Contains(">de 15 h à 18 h</time>", html, StringComparison.Ordinal);
        Assert.Contains(">toute la journée</time>", html, StringComparison.Ordinal);
        Assert.Contains(">à partir de 20 h 30</time>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"meta\">Marché</p>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/evenements/concert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Fête passée", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_filter_keeps_only_the_matching_dates()
    {
        var (name, visitor) = await TenantAsync();
        var clock = fixture.Clock;
        var services = fixture.App.Services;
        await SaveAsync(services, name, "simple", Event("Simple", Local(clock, 2, 10), Local(clock, 2, 11)));
        await SaveAsync(services, name, "expo", Event("Exposition photo", Local(clock, 2, 10), Local(clock, 2, 11), category: "exposition"));
        await SaveAsync(services, name, "parents", Event("Atelier parents", Local(clock, 2, 10), Local(clock, 2, 11)) with { Taxonomy = new([], ["parent"]) });
        await SaveAsync(services, name, "nature", Event("Balade nature", Local(clock, 2, 10), Local(clock, 2, 11)) with { Taxonomy = new(["environnement"], []) });
        await SaveAsync(services, name, "jambes", Event("Fête à Jambes", Local(clock, 2, 10), Local(clock, 2, 11)) with { Venue = new("Salle", PostalCode: "5100", Locality: "Jambes") });
        await SaveAsync(services, name, "gratuit", Event("Concert gratuit", Local(clock, 2, 10), Local(clock, 2, 11)) with { Admission = new(Free: true) });
        await SaveAsync(services, name, "pmr", Event("Théâtre accessible", Local(clock, 2, 10), Local(clock, 2, 11)) with { Accessible = true });

        var all = await PageAsync(visitor, "/agenda");
        Assert.Equal(7, Titles(all).Count);
        Assert.Contains("<option value=\"parent\">Parent</option>", all, StringComparison.Ordinal);
        Assert.Contains("<option value=\"environnement\">Environnement</option>", all, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Jambes\">Jambes</option>", all, StringComparison.Ordinal);

        Assert.Equal(["Exposition photo"], Titles(await PageAsync(visitor, "/agenda?categorie=exposition")));
        Assert.Equal(["Atelier parents"], Titles(await PageAsync(visitor, "/agenda?public=parent")));
        Assert.Equal(["Balade nature"], Titles(await PageAsync(visitor, "/agenda?thematique=environnement")));
        Assert.Equal(["Fête à Jambes"], Titles(await PageAsync(visitor, "/agenda?localite=Jambes")));
        Assert.Equal(["Concert gratuit"], Titles(await PageAsync(visitor, "/agenda?gratuit=1")));
        var accessible = await PageAsync(visitor, "/agenda?accessible=1");
        Assert.Equal(["Théâtre accessible"], Titles(accessible));
        Assert.Contains("1 date trouvée", accessible, StringComparison.Ordinal);
        Assert.Contains("id=\"agenda-accessible\" name=\"accessible\" value=\"1\" checked", accessible, StringComparison.Ordinal);
        Assert.Contains("<option value=\"exposition\" selected>Exposition</option>", await PageAsync(visitor, "/agenda?categorie=exposition"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_periods_end_at_midnight_in_Brussels()
    {
        // A Wednesday, so that "ce week-end" is ahead: the clock only moves forward.
        var clock = fixture.Clock;
        var today = Brussels.Today(clock);
        var wednesday = today.AddDays(((int)DayOfWeek.Wednesday - (int)today.DayOfWeek + 7) % 7 + 7);
        clock.SetUtcNow(Brussels.At(wednesday, new TimeOnly(10, 0)));
        var (name, visitor) = await TenantAsync();
        var services = fixture.App.Services;
        await SaveAsync(services, name, "mercredi-soir", Event("Mercredi 23 h 30", Local(clock, 0, 23, 30)));
        await SaveAsync(services, name, "jeudi-matin", Event("Jeudi 0 h 30", Local(clock, 1, 0, 30)));
        await SaveAsync(services, name, "vendredi-soir", Event("Vendredi 23 h 30", Local(clock, 2, 23, 30)));
        await SaveAsync(services, name, "samedi-matin", Event("Samedi 0 h 30", Local(clock, 3, 0, 30)));
        await SaveAsync(services, name, "dimanche-soir", Event("Dimanche 23 h 30", Local(clock, 4, 23, 30)));
        await SaveAsync(services, name, "lundi-matin", Event("Lundi 0 h 30", Local(clock, 5, 0, 30)));

        Assert.Equal(["Mercredi 23 h 30"], Titles(await PageAsync(visitor, "/agenda?periode=aujourdhui")));
        Assert.Equal(["Samedi 0 h 30", "Dimanche 23 h 30"], Titles(await PageAsync(visitor, "/agenda?periode=weekend")));
        Assert.Equal(
            ["Mercredi 23 h 30", "Jeudi 0 h 30", "Vendredi 23 h 30", "Samedi 0 h 30", "Dimanche 23 h 30"],
            Titles(await PageAsync(visitor, "/agenda?periode=semaine")));
        var from = Brussels.IsoDate(wednesday.AddDays(1));
        var to = Brussels.IsoDate(wednesday.AddDays(2));
        var dates = await PageAsync(visitor, $"/agenda?periode=dates&du={from}&au={to}");
        Assert.Equal(["Jeudi 0 h 30", "Vendredi 23 h 30"], Titles(dates));
        Assert.Contains($"id=\"agenda-du\" name=\"du\" value=\"{from}\"", dates, StringComparison.Ordinal);

        var lastOfMonth = new DateOnly(wednesday.Year, wednesday.Month, 1).AddMonths(1).AddDays(-1);
        var month = Titles(await PageAsync(visitor, "/agenda?periode=mois"));
        Assert.Equal(lastOfMonth >= wednesday.AddDays(5) ? 6 : lastOfMonth.DayNumber - wednesday.DayNumber + 1, month.Count);
    }

    [Fact]
    public async Task Twenty_dates_a_page_and_the_page_links_keep_the_filters()
    {
        var (name, visitor) = await TenantAsync();
        var clock = fixture.Clock;
        for (var i = 0; i < 23; i++)
        {
            await SaveAsync(fixture.App.Services, name, $"gratuit-{i}", Event($"Gratuit {i:00}", Local(clock, 1 + i, 10), Local(clock, 1 + i, 11)) with { Admission = new(Free: true) });
        }

        await SaveAsync(fixture.App.Services, name, "payant", Event("Payant", Local(clock, 1, 9), Local(clock, 1, 10)) with { Admission = new(false, "5 €") });

        var first = await PageAsync(visitor, "/agenda?gratuit=1&categorie=concert");
        Assert.Contains("23 dates trouvées", first, StringComparison.Ordinal);
        Assert.Equal(20, Titles(first).Count);
        Assert.DoesNotContain("Payant", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/agenda?gratuit=1&categorie=concert&page=2\" rel=\"next\"", first, StringComparison.Ordinal);

        var second = await PageAsync(visitor, "/agenda?gratuit=1&categorie=concert&page=2");
        Assert.Equal(["Gratuit 20", "Gratuit 21", "Gratuit 22"], Titles(second));
        Assert.Contains("href=\"/agenda?gratuit=1&categorie=concert\" rel=\"prev\"", second, StringComparison.Ordinal);
        Assert.Contains("<li aria-current=\"page\">Page 2 sur 2</li>", second, StringComparison.Ordinal);
        await PageAsync(visitor, "/agenda?gratuit=1&page=9", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_empty_result_says_so_and_offers_to_drop_each_filter_or_show_every_upcoming_date()
    {
        var (name, visitor) = await TenantAsync();
        await SaveAsync(fixture.App.Services, name, "concert", Event("Concert", Local(fixture.Clock, 2, 20), Local(fixture.Clock, 2, 22)));

        var html = await PageAsync(visitor, "/agenda?categorie=cinema&gratuit=1");

        Assert.Contains("Aucune date trouvée</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Aucune date ne correspond à votre recherche.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/agenda?gratuit=1\">Retirer le filtre « Cinéma »</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/agenda?categorie=cinema\">Retirer le filtre « Gratuit »</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/agenda\">Voir toutes les dates à venir</a>", html, StringComparison.Ordinal);
        Assert.Empty(Titles(html));
    }

    [Theory]
    [InlineData("du=2026-13-45", "#agenda-du", "« 2026-13-45 » n’est pas une date")]
    [InlineData("du=1990-01-01&au=1990-01-02", "#agenda-du", "hors de l’agenda")]
    [InlineData("du=9999-12-31", "#agenda-du", "hors de l’agenda")]
    [InlineData("periode=demain", "#agenda-periode-tout", "La période « demain » n’existe pas")]
    [InlineData("categorie=rave", "#agenda-categorie", "La catégorie « rave » n’existe pas")]
    [InlineData("page=-3", "#agenda-filters", "n’est pas un numéro de page")]
    public async Task A_filter_that_cannot_be_read_answers_400_with_an_error_summary_linked_to_its_field(string query, string href, string message)
    {
        var (name, visitor) = await TenantAsync();
        await SaveAsync(fixture.App.Services, name, "concert", Event("Concert", Local(fixture.Clock, 2, 20), Local(fixture.Clock, 2, 22)));

        var html = await PageAsync(visitor, "/agenda?" + query, HttpStatusCode.BadRequest);

        Assert.Contains("<title>Erreur : Agenda", html, StringComparison.Ordinal);
        Assert.Contains("class=\"eform-error-summary\" role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Matches($"<a href=\"{href}\">[^<]*{System.Text.RegularExpressions.Regex.Escape(message)}", html);
        Assert.Empty(Titles(html));
    }

    [Fact]
    public async Task A_bad_date_is_marked_on_its_field()
    {
        var (_, visitor) = await TenantAsync();
        var html = await PageAsync(visitor, "/agenda?periode=dates&du=hier", HttpStatusCode.BadRequest);
        Assert.Contains("id=\"agenda-du\" name=\"du\" value=\"\" aria-invalid=\"true\" aria-describedby=\"agenda-du-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"eform-error-message\" id=\"agenda-du-error\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_and_unpublished_events_are_not_shown()
    {
        var (name, visitor) = await TenantAsync();
        var services = fixture.App.Services;
        await SaveAsync(services, name, "brouillon", Event("Brouillon secret", Local(fixture.Clock, 2, 20)), publish: false);
        var retired = await SaveAsync(services, name, "retire", Event("Retiré", Local(fixture.Clock, 2, 20)));
        await SaveAsync(services, name, "public", Event("Public", Local(fixture.Clock, 2, 20)));
        Assert.Contains("Retiré", await PageAsync(visitor, "/agenda"), StringComparison.Ordinal);

        await UnpublishAsync(services, name, retired.ContentItemId);

        var html = await PageAsync(visitor, "/agenda");
        Assert.Equal(["Public"], Titles(html));
        await PageAsync(visitor, "/evenements/brouillon", HttpStatusCode.NotFound);
        await PageAsync(visitor, "/evenements/retire", HttpStatusCode.NotFound);
        var sitemap = await visitor.GetStringAsync("/sitemap.xml");
        Assert.DoesNotContain("brouillon", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("retire", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agenda_page_shows_its_intro_and_its_rule_for_own_events_and_the_sitemap_lists_the_agendas_and_events()
    {
        var (name, visitor) = await TenantAsync();
        var services = fixture.App.Services;
        await SaveAsync(services, name, "jeunesse", Event("Atelier jeunesse", Local(fixture.Clock, 2, 14), Local(fixture.Clock, 2, 16)) with { Agendas = ["jeunes"] });
        await SaveAsync(services, name, "conseil", Event("Conseil communal", Local(fixture.Clock, 2, 20), category: "reunion-publique"));
        await AgendaAsync(services, name, "jeunes", new AgendaContent("Agenda des jeunes", "Les activités **pour les jeunes**.", OwnEventsRule.Listed, []));

        var html = await PageAsync(visitor, "/agenda/jeunes");
        Assert.Contains("<h1 id=\"page-title\">Agenda des jeunes</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>pour les jeunes</strong>", html, StringComparison.Ordinal);
        Assert.Equal(["Atelier jeunesse"], Titles(html));
        Assert.Contains("action=\"/agenda/jeunes\"", html, StringComparison.Ordinal);
        Assert.Equal(["Atelier jeunesse", "Conseil communal"], Titles(await PageAsync(visitor, "/agenda")));

        var sitemap = await visitor.GetStringAsync("/sitemap.xml");
        Assert.Contains($"<loc>http://{name}.localhost/agenda</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains($"<loc>http://{name}.localhost/agenda/jeunes</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains($"<loc>http://{name}.localhost/evenements/conseil</loc>", sitemap, StringComparison.Ordinal);

        // The menu editor offers the agenda and each published agenda.
        await using var scope = await StorageFixture.TenantScopeAsync(services, name);
        var targets = new List<MenuLinkTarget>();
        foreach (var source in scope.ServiceProvider.GetServices<IMenuLinkSource>())
        {
            targets.AddRange(await source.TargetsAsync(CancellationToken.None));
        }

        Assert.Contains(new MenuLinkTarget("/agenda", "Agenda"), targets);
        Assert.Contains(new MenuLinkTarget("/agenda/jeunes", "Agenda des jeunes"), targets);
    }
}

public sealed class AgendaPageTestsOnSqlite(SqliteFixture fixture) : AgendaPageTests<SqliteFixture>(fixture);

public sealed class AgendaPageTestsOnPostgres(PostgresFixture fixture) : AgendaPageTests<PostgresFixture>(fixture);
