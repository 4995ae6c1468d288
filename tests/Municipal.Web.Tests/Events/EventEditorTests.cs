using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Events.Model;
using Municipal.Events.Storage;
using Municipal.Web.Tests.Admin;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Events;

/// <summary>
/// Issue 14: the event form. A weekly recurrence made with the plain controls is said in words, its occurrences are in
/// the index once published, the next ten dates each take a status, and bad input is a French message on its field.
/// </summary>
public abstract class EventEditorTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string NewEvent = ContentAdminRoutes.New + "?type=Event";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    [Fact]
    public async Task A_weekly_event_made_with_the_controls_is_said_in_words_indexed_when_published_and_takes_a_status_per_date()
    {
        var (name, editor) = await SignInAsync("event-weekly");
        var first = NextSaturday();
        var until = first.AddDays(35);

        var posted = await ContentForm.SubmitAsync(editor, NewEvent, NewEvent, WeeklyMarket(first, until));

        var id = ContentForm.ItemId(posted);
        var edit = WebUtility.HtmlDecode(await editor.Client.GetStringAsync(ContentAdminRoutes.Edit(id)));
        Assert.Contains($"Chaque samedi, jusqu'au {until.ToString("d MMMM yyyy", French)}", edit, StringComparison.Ordinal);
        Assert.Contains("<legend>Répétition</legend>", edit, StringComparison.Ordinal);
        Assert.Contains("<legend>Prochaines dates</legend>", edit, StringComparison.Ordinal);
        for (var week = 0; week < 6; week++)
        {
            var day = first.AddDays(7 * week);
            Assert.Contains($">{day.ToString("dddd d MMMM yyyy", French)} de 15 h à 18 h</label>", edit, StringComparison.Ordinal);
        }

        Assert.Equal(Enumerable.Range(0, 6).Select(w => first.AddDays(7 * w)), (await IndexAsync(name, id)).Select(o => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.StartUtc, Brussels.Zone).DateTime)));

        var second = first.AddDays(7);
        var cancelled = await ContentForm.SubmitAsync(editor, ContentAdminRoutes.Edit(id), ContentAdminRoutes.Edit(id), new()
        {
            ["status-" + Brussels.IsoDate(second)] = "Cancelled",
            ["action"] = "publish",
        });

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var statuses = (await IndexAsync(name, id)).ToDictionary(o => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.StartUtc, Brussels.Zone).DateTime), o => o.Status);
        Assert.Equal(EventStatus.Cancelled, statuses[second]);
        Assert.Equal(EventStatus.Scheduled, statuses[first]);
        var content = await LatestAsync<EventContent>(name, id);
        Assert.Equal([new OccurrenceStatus(second, EventStatus.Cancelled)], content.StatusChanges!);
        Assert.Equal($"FREQ=WEEKLY;BYDAY=SA;UNTIL={until:yyyyMMdd}T235959Z", content.Schedule.Recurrence);
        Assert.Contains("<option value=\"Cancelled\" selected>Annulé</option>", await editor.Client.GetStringAsync(ContentAdminRoutes.Edit(id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_field_of_an_event_is_saved_and_shown_again()
    {
        var (name, editor) = await SignInAsync("event-fields");
        var first = NextSaturday();
        var fields = WeeklyMarket(first, first.AddDays(14));
        fields["repeat-end"] = "count";
        fields["repeat-count"] = "10";
        fields["repeat-interval"] = "2";
        fields["repeat-weekdays"] = "TU\u001fTH";
        fields["except-dates"] = Brussels.IsoDate(first.AddDays(3));
        fields["added-dates"] = Brussels.IsoDate(first.AddDays(1)) + " 20:00";
        fields["venue-name"] = "Place d'Armes";
        fields["venue-postal-code"] = "5000";
        fields["venue-latitude"] = "50,4669";
        fields["venue-longitude"] = "4.8675";
        fields["online-url"] = "https://exemple.be/direct";
        fields["organiser-email"] = "culture@commune.be";
        fields["price"] = "8 €, 5 € pour les enfants";
        fields["ticket-url"] = "https://exemple.be/billets";
        fields["accessible"] = "true";
        fields["shared"] = "true";

        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(editor, NewEvent, NewEvent, fields));

        var content = await LatestAsync<EventContent>(name, id);
        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10", content.Schedule.Recurrence);
        Assert.Equal([first.AddDays(3)], content.Schedule.ExceptDates!);
        Assert.Equal([first.AddDays(1).ToDateTime(new TimeOnly(20, 0))], content.Schedule.AddedDates!);
        Assert.Equal(new EventVenue("Place d'Armes", PostalCode: "5000", Latitude: 50.4669, Longitude: 4.8675), content.Venue);
        Assert.Equal(new EventAdmission(false, "8 €, 5 € pour les enfants", "https://exemple.be/billets"), content.Admission);
        Assert.True(content.Accessible && content.Shared);
        Assert.Equal("marche", content.Category);
        var edit = WebUtility.HtmlDecode(await editor.Client.GetStringAsync(ContentAdminRoutes.Edit(id)));
        Assert.Contains("Toutes les 2 semaines, le mardi et le jeudi, 10 fois", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"50.4669\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_French_messages_on_the_fields_and_nothing_typed_is_lost()
    {
        var (_, editor) = await SignInAsync("event-errors");
        var first = NextSaturday();
        var fields = WeeklyMarket(first, first.AddDays(14));
        fields["end-date"] = Brussels.IsoDate(first.AddDays(-1));
        fields["venue-latitude"] = "91";
        fields["venue-longitude"] = "4.8";
        fields["online-url"] = "javascript:alert(1)";
        fields["organiser-email"] = "pas-une-adresse";
        fields["category"] = "inexistante";
        fields["except-dates"] = "bientôt";

        var refused = await ContentForm.SubmitAsync(editor, NewEvent, NewEvent, fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("« 91 » n'est pas une latitude", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#online-url\">Indiquez une adresse complète qui commence par https://</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#organiser-email\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#category\">Choisissez une des propositions du champ « Catégorie »</a>", html, StringComparison.Ordinal);
        Assert.Contains("« bientôt » n'est pas une date", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Marché du samedi\"", html, StringComparison.Ordinal);

        // Once the rest is right, the end before the start is said on its own.
        fields = WeeklyMarket(first, first.AddDays(14));
        fields["end-date"] = Brussels.IsoDate(first.AddDays(-1));
        var endBefore = await ContentForm.SubmitAsync(editor, NewEvent, NewEvent, fields);
        Assert.Equal(HttpStatusCode.BadRequest, endBefore.StatusCode);
        Assert.Contains("<a href=\"#end-date\">", await endBefore.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields = WeeklyMarket(first, first.AddDays(-7));
        var untilBefore = await ContentForm.SubmitAsync(editor, NewEvent, NewEvent, fields);
        Assert.Equal(HttpStatusCode.BadRequest, untilBefore.StatusCode);
        Assert.Contains("<a href=\"#repeat-until\">", await untilBefore.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_the_controls_cannot_say_is_kept_and_shown_in_words_until_replaced()
    {
        var (name, editor) = await SignInAsync("event-rule");
        var first = NextSaturday();
        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(editor, NewEvent, NewEvent, WeeklyMarket(first, first.AddDays(14))));
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var latest = (await store.GetLatestAsync(id))!;
            var content = ContentStore.Read<EventContent>(latest);
            var changed = content with { Schedule = content.Schedule with { Recurrence = "FREQ=MONTHLY;BYDAY=1SA" } };
            await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveDraftAsync(
                new ContentDraft(EventTypes.Event, id, content.Title, latest.Path, ContentStore.Serialize(changed)), "test");
        }

        var edit = WebUtility.HtmlDecode(await editor.Client.GetStringAsync(ContentAdminRoutes.Edit(id)));
        Assert.Contains("Chaque mois, le premier samedi", edit, StringComparison.Ordinal);
        Assert.Contains("<option value=\"rule\" selected>Garder la règle actuelle</option>", edit, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ContentForm.SubmitAsync(editor, ContentAdminRoutes.Edit(id), ContentAdminRoutes.Edit(id), new() { ["title"] = "Marché mensuel" })).StatusCode);
        Assert.Equal("FREQ=MONTHLY;BYDAY=1SA", (await LatestAsync<EventContent>(name, id)).Schedule.Recurrence);

        Assert.Equal(HttpStatusCode.Redirect, (await ContentForm.SubmitAsync(editor, ContentAdminRoutes.Edit(id), ContentAdminRoutes.Edit(id), new() { ["repeat"] = "daily", ["repeat-end"] = "count", ["repeat-count"] = "3" })).StatusCode);
        Assert.Equal("FREQ=DAILY;COUNT=3", (await LatestAsync<EventContent>(name, id)).Schedule.Recurrence);
    }

    private async Task<(string Name, AdminSession Editor)> SignInAsync(string stem)
    {
        var name = await ContentForm.CreateTenantAsync(fixture, fixture.App, stem);
        return (name, await ContentForm.SignInAsync(fixture.App, name, TenantRoles.Editor));
    }

    /// <summary>A Saturday one to two weeks from the fake clock's today.</summary>
    private DateOnly NextSaturday()
    {
        var today = Brussels.Today(fixture.Clock);
        return today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7 + 7);
    }

    private static Dictionary<string, string> WeeklyMarket(DateOnly first, DateOnly until) => new()
    {
        ["title"] = "Marché du samedi",
        ["category"] = "marche",
        ["start-date"] = Brussels.IsoDate(first),
        ["start-time"] = "15:00",
        ["end-time"] = "18:00",
        ["repeat"] = "weekly",
        ["repeat-weekdays"] = "SA",
        ["repeat-end"] = "until",
        ["repeat-until"] = Brussels.IsoDate(until),
        ["action"] = "publish",
    };

    private async Task<List<OccurrenceRecord>> IndexAsync(string tenant, string id)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<EventsDbContext>().Occurrences.AsNoTracking()
            .Where(o => o.ContentItemId == id).OrderBy(o => o.StartUtc).ToListAsync();
    }

    private async Task<T> LatestAsync<T>(string tenant, string id)
        where T : class
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return ContentStore.Read<T>((await scope.ServiceProvider.GetRequiredService<ContentStore>().GetLatestAsync(id))!);
    }
}

public sealed class EventEditorTestsOnSqlite(SqliteFixture fixture) : EventEditorTests<SqliteFixture>(fixture);

public sealed class EventEditorTestsOnPostgres(PostgresFixture fixture) : EventEditorTests<PostgresFixture>(fixture);
