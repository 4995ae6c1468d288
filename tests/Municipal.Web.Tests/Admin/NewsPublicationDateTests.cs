using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin;
using Municipal.Core.Background;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>
/// Issue 13: a news article dated tomorrow is not published today. "Enregistrer et publier" (and "Publier la
/// dernière version") with a future date schedule the publication at that date, whatever the page's script did.
/// </summary>
public abstract class NewsPublicationDateTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    [Fact]
    public async Task A_publish_post_with_tomorrows_date_schedules_the_article_which_is_public_only_once_the_date_has_come()
    {
        var app = fixture.App;
        var clock = fixture.Clock;
        var tomorrow = Brussels.Today(clock).AddDays(1);
        var due = Brussels.At(tomorrow, new TimeOnly(7, 30));
        var name = await ContentForm.CreateTenantAsync(fixture, app, "news-embargo");
        var editor = await ContentForm.SignInAsync(app, name, TenantRoles.Editor);
        var newArticle = ContentAdminRoutes.New + "?type=NewsArticle";
        Assert.Contains(">Enregistrer et publier</button>", await editor.Client.GetStringAsync(newArticle), StringComparison.Ordinal);

        var badTime = await ContentForm.SubmitAsync(editor, newArticle, newArticle, new() { ["title"] = "Décision du conseil", ["date"] = Brussels.IsoDate(tomorrow), ["publish-time"] = "25:99", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        var refused = await badTime.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#publish-time\">", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Décision du conseil\"", refused, StringComparison.Ordinal);

        var posted = await ContentForm.SubmitAsync(editor, newArticle, newArticle, new()
        {
            ["title"] = "Décision du conseil",
            ["date"] = Brussels.IsoDate(tomorrow),
            ["publish-time"] = "07:30",
            ["body"] = "Le conseil a voté le budget.",
            ["action"] = "publish",
        });
        var id = ContentForm.ItemId(posted);
        Assert.EndsWith("?fait=programme", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var job = Assert.Single(await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name));
            Assert.Equal(ContentManager.PublishJob, job.Kind);
            Assert.Equal(due, job.DueUtc);
        }

        var edit = await editor.Client.GetStringAsync(ContentAdminRoutes.Edit(id));
        Assert.Contains(">Programmé</span>", edit, StringComparison.Ordinal);
        Assert.Contains($">Programmer pour le {Day(tomorrow, clock)} à 8 h</button>", edit, StringComparison.Ordinal);
        Assert.Contains($">Programmer la dernière version pour le {Day(tomorrow, clock)} à 8 h</button>", edit, StringComparison.Ordinal);

        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{name}.localhost/"), AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/actualites/decision-du-conseil")).StatusCode);
        Assert.DoesNotContain("Décision du conseil", await visitor.GetStringAsync("/actualites"), StringComparison.Ordinal);
        Assert.DoesNotContain("Décision du conseil", await visitor.GetStringAsync("/"), StringComparison.Ordinal);

        var runner = app.Services.GetRequiredService<JobRunner>();
        clock.SetUtcNow(due.AddMinutes(-1));
        await runner.RunDueAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/actualites/decision-du-conseil")).StatusCode);

        clock.SetUtcNow(due.AddMinutes(1));
        await runner.RunDueAsync();
        Assert.Contains("Le conseil a voté le budget.", await visitor.GetStringAsync("/actualites/decision-du-conseil"), StringComparison.Ordinal);
        Assert.Contains("Décision du conseil", await visitor.GetStringAsync("/actualites"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_the_latest_version_of_a_draft_dated_in_the_future_schedules_it_at_8_and_today_publishes_at_once()
    {
        var app = fixture.App;
        var clock = fixture.Clock;
        var inTwoDays = Brussels.Today(clock).AddDays(2);
        var name = await ContentForm.CreateTenantAsync(fixture, app, "news-latest");
        var editor = await ContentForm.SignInAsync(app, name, TenantRoles.Editor);
        var newArticle = ContentAdminRoutes.New + "?type=NewsArticle";
        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(editor, newArticle, newArticle, new() { ["title"] = "Travaux rue Haute", ["date"] = Brussels.IsoDate(inTwoDays), ["action"] = "draft" }));
        var edit = ContentAdminRoutes.Edit(id);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(edit, ContentAdminRoutes.Publish(id), [])).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var job = Assert.Single(await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name));
            Assert.Equal(Brussels.At(inTwoDays, new TimeOnly(8, 0)), job.DueUtc);
        }

        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{name}.localhost/"), AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/actualites/travaux-rue-haute")).StatusCode);

        var today = await ContentForm.SubmitAsync(editor, edit, edit, new() { ["date"] = Brussels.IsoDate(Brussels.Today(clock)), ["action"] = "publish" });
        Assert.EndsWith("?fait=publie", today.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/actualites/travaux-rue-haute")).StatusCode);
    }

    [Fact]
    public async Task A_page_published_with_a_date_to_come_beside_the_button_is_scheduled_and_a_wrong_date_is_refused_without_losing_the_text()
    {
        var app = fixture.App;
        var clock = fixture.Clock;
        var tomorrow = Brussels.Today(clock).AddDays(1);
        var name = await ContentForm.CreateTenantAsync(fixture, app, "page-later");
        var editor = await ContentForm.SignInAsync(app, name, TenantRoles.Editor);
        var newPage = ContentAdminRoutes.New + "?type=Page";

        var bad = await ContentForm.SubmitAsync(editor, newPage, newPage, new() { ["title"] = "Plan canicule", ["publish-date"] = "31/02/2026", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var refused = await bad.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#publish-date\">", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Plan canicule\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"31/02/2026\"", refused, StringComparison.Ordinal);

        var posted = await ContentForm.SubmitAsync(editor, newPage, newPage, new() { ["title"] = "Plan canicule", ["publish-date"] = Brussels.IsoDate(tomorrow), ["publish-time"] = "09:15", ["action"] = "publish" });
        Assert.EndsWith("?fait=programme", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(Brussels.At(tomorrow, new TimeOnly(9, 15)), Assert.Single(await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name)).DueUtc);
        }

        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{name}.localhost/"), AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/plan-canicule")).StatusCode);
    }

    [Fact]
    public async Task An_article_dated_tomorrow_approved_in_review_is_scheduled_not_published()
    {
        var app = fixture.App;
        var tomorrow = Brussels.Today(fixture.Clock).AddDays(1);
        var name = await ContentForm.CreateTenantAsync(fixture, app, "news-review");
        var author = await ContentForm.SignInAsync(app, name, TenantRoles.Author);
        var editor = await ContentForm.SignInAsync(app, name, TenantRoles.Editor);
        var newArticle = ContentAdminRoutes.New + "?type=NewsArticle";
        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(author, newArticle, newArticle, new() { ["title"] = "Fermeture de la piscine", ["date"] = Brussels.IsoDate(tomorrow) }));
        var revisions = await author.Client.GetStringAsync(ContentAdminRoutes.Revisions(id));
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync(ContentAdminRoutes.Revisions(id), ContentAdminRoutes.Submit(id), new() { ["revision"] = ReviewTestContent.Hidden(revisions, "revision") })).StatusCode);

        var review = await editor.Client.GetStringAsync(ContentAdminRoutes.Review(id));
        var approved = await editor.PostFormAsync(ContentAdminRoutes.Review(id), ContentAdminRoutes.Approve(id), new() { ["revision"] = ReviewTestContent.Hidden(review, "revision") });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("programme=", approved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("sa publication est programmée", await editor.Client.GetStringAsync(approved.Headers.Location.OriginalString), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var publications = (await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name)).Where(j => j.Kind == ContentManager.PublishJob);
            Assert.Equal(Brussels.At(tomorrow, new TimeOnly(8, 0)), Assert.Single(publications).DueUtc);
        }

        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{name}.localhost/"), AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/actualites/fermeture-de-la-piscine")).StatusCode);
    }

    /// <summary>"7 décembre" (with the year when it is not this year's), as the button says it.</summary>
    private static string Day(DateOnly date, TimeProvider clock) =>
        date.ToString(date.Year == Brussels.Today(clock).Year ? "d MMMM" : "d MMMM yyyy", French);
}

public sealed class NewsPublicationDateTestsOnSqlite(SqliteFixture fixture) : NewsPublicationDateTests<SqliteFixture>(fixture);

public sealed class NewsPublicationDateTestsOnPostgres(PostgresFixture fixture) : NewsPublicationDateTests<PostgresFixture>(fixture);
