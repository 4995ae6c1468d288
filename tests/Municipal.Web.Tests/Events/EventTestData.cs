using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Events.Model;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Events;

/// <summary>Events and agendas made through the ContentManager, as an editor publishing them would (the index fills itself).</summary>
public static class EventTestData
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    public static EventContent Event(string title, DateTime start, DateTime? end = null, bool wholeDay = false, string category = "concert") =>
        new(title, "Résumé de " + title, RichText.FromMarkdown("Le programme de " + title + "."), new EventSchedule(start, end, wholeDay, OpenEnd: end is null && !wholeDay), category);

    /// <summary>A Brussels wall-clock time <paramref name="days"/> days from the clock's Brussels today.</summary>
    public static DateTime Local(TimeProvider clock, int days, int hour, int minute = 0) =>
        Brussels.Today(clock).AddDays(days).ToDateTime(new TimeOnly(hour, minute));

    public static async Task<ContentItemRecord> SaveAsync(IServiceProvider services, string tenant, string slug, EventContent content, bool publish = true)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(services, tenant);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var draft = new ContentDraft(EventTypes.Event, null, content.Title, EventTypes.EventPath + "/" + slug, ContentStore.Serialize(content));
        return publish ? await manager.SaveAndPublishAsync(draft, "test@x.be") : await manager.SaveDraftAsync(draft, "test@x.be");
    }

    public static async Task<ContentItemRecord> AgendaAsync(IServiceProvider services, string tenant, string slug, AgendaContent content)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(services, tenant);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        return await manager.SaveAndPublishAsync(
            new ContentDraft(EventTypes.Agenda, null, content.Title, EventTypes.AgendaPath + "/" + slug, ContentStore.Serialize(content)), "test@x.be");
    }

    public static async Task UnpublishAsync(IServiceProvider services, string tenant, string contentItemId)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(services, tenant);
        await scope.ServiceProvider.GetRequiredService<ContentManager>().UnpublishAsync(contentItemId);
    }

    /// <summary>The page at <paramref name="url"/>, HTML entities decoded, after checking its status code.</summary>
    public static async Task<string> PageAsync(HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode}\n{html}");
        return System.Net.WebUtility.HtmlDecode(html);
    }

    /// <summary>"samedi 12 décembre 2026", as the agenda's day headings say it.</summary>
    public static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", French);

    /// <summary>The page's schema.org JSON-LD, parsed.</summary>
    public static JsonElement JsonLd(string html)
    {
        const string Open = "<script type=\"application/ld+json\">";
        var start = html.IndexOf(Open, StringComparison.Ordinal);
        Assert.True(start >= 0, "no JSON-LD on the page");
        start += Open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(html[start..end]).RootElement.Clone();
    }

    /// <summary>The titles of the agenda's list, in order.</summary>
    public static IReadOnlyList<string> Titles(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<p class=\"agenda-title\"><a href=\"[^\"]*\">([^<]*)</a>")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
}
