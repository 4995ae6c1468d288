using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin;
using Municipal.Core.Background;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>Preview of drafts, scheduling from the editor, the home page and news editors. SQLite and PostgreSQL.</summary>
public abstract partial class ContentPreviewAndScheduleTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task The_preview_shows_a_draft_never_published_in_the_site_layout_while_its_address_is_not_found()
    {
        var name = await NewTenantAsync("preview");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var newPage = ContentAdminRoutes.New + "?type=Page";
        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(author, newPage, newPage, new() { ["title"] = "Brocante d'automne", ["body"] = "Inscriptions jusqu'au 3 octobre." }));

        var preview = await author.Client.GetAsync(ContentAdminRoutes.Preview(id));
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Inscriptions jusqu", html, StringComparison.Ordinal);
        Assert.Contains("class=\"municipal-preview\" role=\"status\"", html, StringComparison.Ordinal);
        Assert.Contains("Aperçu", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", html, StringComparison.Ordinal);
        Assert.Single(H1Pattern().Matches(html));
        Assert.Contains("noindex", preview.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        Assert.Contains("no-store", preview.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ClientFor($"{name}.localhost").GetAsync("/brocante-d-automne")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.Client.GetAsync(ContentAdminRoutes.Preview("inconnu"))).StatusCode);
    }

    [Fact]
    public async Task The_home_page_editor_keeps_its_blocks_in_order_and_publishes_them()
    {
        var name = await NewTenantAsync("home");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        string id;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            id = (await scope.ServiceProvider.GetRequiredService<ContentStore>().GetPublishedByPathAsync(string.Empty))!.ContentItemId;
        }

        var edit = ContentAdminRoutes.Edit(id);
        var form = ContentForm.Fields(await editor.Client.GetStringAsync(edit), edit);
        Assert.Contains("block-0-title", form.Keys);
        var bad = await ContentForm.SubmitAsync(editor, edit, edit, new() { ["block-1-links"] = "Sans adresse" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("La ligne « Sans adresse »", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await ContentForm.SubmitAsync(editor, edit, edit, new()
        {
            ["block-0-title"] = "Bienvenue à Valmont",
            ["block-1-links"] = "Horaires | /contact\nDémarches | /demarches",
            ["action"] = "publish",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var home = await fixture.ClientFor($"{name}.localhost").GetStringAsync("/");
        Assert.Contains("Bienvenue à Valmont", home, StringComparison.Ordinal);
        var hero = home.IndexOf("Bienvenue à Valmont", StringComparison.Ordinal);
        var first = home.IndexOf("\">Horaires</a>", StringComparison.Ordinal);
        Assert.True(hero < first, home);
        Assert.True(first < home.IndexOf("\">Démarches</a>", first, StringComparison.Ordinal), home);
    }

    [Fact]
    public async Task An_editor_writes_a_news_article_with_its_date_and_it_is_listed()
    {
        var name = await NewTenantAsync("news");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var newArticle = ContentAdminRoutes.New + "?type=NewsArticle";

        var bad = await ContentForm.SubmitAsync(editor, newArticle, newArticle, new() { ["title"] = "Marché", ["date"] = "31/02/2026" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("<a href=\"#date\">", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Yesterday's date: a date to come would schedule the article instead (NewsPublicationDateTests).
        var yesterday = Brussels.IsoDate(Brussels.Today(fixture.Clock).AddDays(-1));
        var saved = await ContentForm.SubmitAsync(editor, newArticle, newArticle, new() { ["title"] = "Marché de Noël", ["date"] = yesterday, ["body"] = "Sur la place.", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var visitor = fixture.ClientFor($"{name}.localhost");
        Assert.Contains("Marché de Noël", await visitor.GetStringAsync("/actualites"), StringComparison.Ordinal);
        var article = await visitor.GetStringAsync("/actualites/marche-de-noel");
        Assert.Contains("Sur la place.", article, StringComparison.Ordinal);
        Assert.Contains(yesterday, article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schedule_set_in_brussels_time_creates_a_job_and_the_page_goes_live_when_it_runs()
    {
        var app = fixture.App;
        var clock = fixture.Clock;
        // Tomorrow at 11:00 in Brussels: 10:00 UTC in winter, 09:00 in summer.
        var tomorrow = Brussels.Today(clock).AddDays(1);
        var due = Brussels.At(tomorrow, new TimeOnly(11, 0));
        var name = await ContentForm.CreateTenantAsync(fixture, app, "content-schedule");
        var editor = await ContentForm.SignInAsync(app, name, TenantRoles.Editor);
        var newPage = ContentAdminRoutes.New + "?type=Page";
        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(editor, newPage, newPage, new() { ["title"] = "Fête de l'hiver", ["body"] = "Le 20 décembre." }));
        var edit = ContentAdminRoutes.Edit(id);

        var past = await editor.PostFormAsync(edit, ContentAdminRoutes.Schedule(id), new() { ["date"] = Brussels.IsoDate(tomorrow.AddDays(-2)), ["time"] = "08:30", ["what"] = "publish" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("<a href=\"#schedule-date\">La date et l&#x27;heure de la programmation doivent être dans le futur</a>", (await past.Content.ReadAsStringAsync()).Replace("&#39;", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);

        var scheduled = await editor.PostFormAsync(edit, ContentAdminRoutes.Schedule(id), new() { ["date"] = Brussels.IsoDate(tomorrow), ["time"] = "11:00", ["what"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var job = Assert.Single(await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name));
            Assert.Equal(ContentManager.PublishJob, job.Kind);
            Assert.Equal(due, job.DueUtc);
        }

        var page = await editor.Client.GetStringAsync(edit);
        Assert.Contains($"Publication programmée le {Brussels.FrenchDate(tomorrow)} à 11:00", page, StringComparison.Ordinal);
        Assert.Contains(">Programmé</span>", page, StringComparison.Ordinal);

        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{name}.localhost/"), AllowAutoRedirect = false });
        var runner = app.Services.GetRequiredService<JobRunner>();
        clock.SetUtcNow(due.AddHours(-1));
        await runner.RunDueAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/fete-de-l-hiver")).StatusCode);

        clock.SetUtcNow(due.AddMinutes(30));
        await runner.RunDueAsync();
        Assert.Contains("Le 20 décembre.", await visitor.GetStringAsync("/fete-de-l-hiver"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_schedule_is_cancelled_by_an_editor_only_and_the_page_then_stays_offline()
    {
        var app = fixture.App;
        var tomorrow = Brussels.Today(fixture.Clock).AddDays(1);
        var due = Brussels.At(tomorrow, new TimeOnly(11, 0));
        var name = await ContentForm.CreateTenantAsync(fixture, app, "content-unschedule");
        var editor = await ContentForm.SignInAsync(app, name, TenantRoles.Editor);
        var author = await ContentForm.SignInAsync(app, name, TenantRoles.Author);
        var newPage = ContentAdminRoutes.New + "?type=Page";
        var id = ContentForm.ItemId(await ContentForm.SubmitAsync(editor, newPage, newPage, new() { ["title"] = "Marché de printemps", ["body"] = "Le 21 mars." }));
        var edit = ContentAdminRoutes.Edit(id);
        var cancel = ContentAdminRoutes.CancelSchedule(id);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(edit, ContentAdminRoutes.Schedule(id), new() { ["date"] = Brussels.IsoDate(tomorrow), ["time"] = "11:00", ["what"] = "publish" })).StatusCode);

        var page = await editor.Client.GetStringAsync(edit);
        Assert.Contains($"<form method=\"post\" action=\"{cancel}\"", page, StringComparison.Ordinal);
        Assert.Contains($"Annuler<span class=\"visually-hidden\"> la publication programmée le {Brussels.FrenchDate(tomorrow)} à 11:00</span></button>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(cancel, await author.Client.GetStringAsync(edit), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync(edit, cancel, new() { ["what"] = "publish" })).StatusCode);
        var forged = await editor.Client.PostAsync(cancel, new FormUrlEncodedContent(new Dictionary<string, string> { ["what"] = "publish", ["__jeton"] = "CfDJ8forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostFormAsync(edit, cancel, new() { ["what"] = "tout" })).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Single(await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name));
        }

        var cancelled = await editor.PostFormAsync(edit, cancel, new() { ["what"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var after = await editor.Client.GetStringAsync(cancelled.Headers.Location!.OriginalString);
        Assert.Contains("La programmation a été annulée.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Publication programmée le", after, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name));
        }

        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.Storage.TenantDbContext>();
            Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditLog, a => a.Action == Core.Audit.AuditActions.ScheduleCancelled && a.ObjectId == id));
        }

        var administrator = await ContentForm.SignInAsync(app, name, TenantRoles.Administrator);
        Assert.Contains("Programmation annulée", await administrator.Client.GetStringAsync("/admin/journal"), StringComparison.Ordinal);

        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{name}.localhost/"), AllowAutoRedirect = false });
        fixture.Clock.SetUtcNow(due.AddHours(1));
        await app.Services.GetRequiredService<JobRunner>().RunDueAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/marche-de-printemps")).StatusCode);
    }

    private async Task<string> NewTenantAsync(string stem)
    {
        var name = fixture.NewTenantName("content-" + stem);
        await fixture.CreateTenantAsync(name);
        return name;
    }

    [GeneratedRegex("<h1[\\s>]")]
    private static partial Regex H1Pattern();
}

public sealed class ContentPreviewAndScheduleTestsOnSqlite(SqliteFixture fixture) : ContentPreviewAndScheduleTests<SqliteFixture>(fixture);

public sealed class ContentPreviewAndScheduleTestsOnPostgres(PostgresFixture fixture) : ContentPreviewAndScheduleTests<PostgresFixture>(fixture);
