using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Municipal.Core.Background;
using Municipal.Core.Content;
using Municipal.Pages.Model;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Content;

/// <summary>Scheduled publish and unpublish run by durable jobs, with a fake clock, across a restart. SQLite and PostgreSQL.</summary>
public abstract class SchedulingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    // Every host on the class's storage reads this one clock; none runs jobs unless the test says so.
    private FakeTimeProvider Clock => fixture.Clock;

    [Fact]
    public async Task A_scheduled_publication_happens_at_its_time_and_not_before()
    {
        var app = fixture.App;
        var name = await CreateTenantAsync(app);
        var client = app.CreateClient(new() { BaseAddress = new Uri($"http://{name}.localhost/"), AllowAutoRedirect = false });
        var id = await SaveDraftAsync(app, name, "marche-de-noel", "Marché de Noël");
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, name))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().SchedulePublishAsync(id, Clock.GetUtcNow().AddHours(2));
        }

        var runner = app.Services.GetRequiredService<JobRunner>();
        Clock.Advance(TimeSpan.FromHours(1));
        await runner.RunDueAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/marche-de-noel")).StatusCode);

        Clock.Advance(TimeSpan.FromHours(1.5));
        await runner.RunDueAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/marche-de-noel")).StatusCode);
    }

    [Fact]
    public async Task Scheduled_publish_and_unpublish_survive_a_restart()
    {
        string name;
        string id;
        await using (var before = fixture.StartApp())
        {
            name = await CreateTenantAsync(before);
            id = await SaveDraftAsync(before, name, "enquete-publique", "Enquête publique");
            await using var scope = await StorageFixture.TenantScopeAsync(before.Services, name);
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await manager.SchedulePublishAsync(id, Clock.GetUtcNow().AddDays(1));
            await manager.ScheduleUnpublishAsync(id, Clock.GetUtcNow().AddDays(15));
        }

        // The process is gone; a new one starts later and finds the jobs in the host database.
        Clock.Advance(TimeSpan.FromDays(2));
        await using var after = fixture.StartApp();
        var client = after.CreateClient(new() { BaseAddress = new Uri($"http://{name}.localhost/") });
        var runner = after.Services.GetRequiredService<JobRunner>();
        await runner.RunDueAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/enquete-publique")).StatusCode);

        Clock.Advance(TimeSpan.FromDays(14));
        await runner.RunDueAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/enquete-publique")).StatusCode);
        await using var jobs = after.Services.CreateAsyncScope();
        Assert.Empty(await jobs.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name));
    }

    [Fact]
    public async Task A_new_schedule_replaces_the_former_one()
    {
        var app = fixture.App;
        var name = await CreateTenantAsync(app);
        var id = await SaveDraftAsync(app, name, "budget", "Budget");
        await using var scope = await StorageFixture.TenantScopeAsync(app.Services, name);
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();

        await manager.SchedulePublishAsync(id, Clock.GetUtcNow().AddHours(1));
        await manager.SchedulePublishAsync(id, Clock.GetUtcNow().AddDays(3));

        var pending = await scope.ServiceProvider.GetRequiredService<JobQueue>().PendingAsync(name);
        Assert.Equal(Clock.GetUtcNow().AddDays(3), Assert.Single(pending).DueUtc);
    }

    private async Task<string> CreateTenantAsync(WebApplicationFactory<Program> app)
    {
        var name = fixture.NewTenantName("sched");
        await app.Services.GetRequiredService<Core.Tenancy.TenantProvisioner>().CreateAsync(
            new Core.Tenancy.CreateTenantRequest(name, "Planifiée", [$"{name}.localhost"], null, "municipality", "a@b.be", StorageFixture.AdminPassword), false, CancellationToken.None);
        return name;
    }

    private static async Task<string> SaveDraftAsync(WebApplicationFactory<Program> app, string tenant, string path, string title)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(app.Services, tenant);
        var content = new PageContent(title, null, RichText.FromMarkdown("Texte"));
        var draft = await scope.ServiceProvider.GetRequiredService<ContentManager>()
            .SaveDraftAsync(new ContentDraft(PageTypes.Page, null, title, path, ContentStore.Serialize(content)), "a@b.be");
        return draft.ContentItemId;
    }
}

public sealed class SchedulingTestsOnSqlite(SqliteFixture fixture) : SchedulingTests<SqliteFixture>(fixture);

public sealed class SchedulingTestsOnPostgres(PostgresFixture fixture) : SchedulingTests<PostgresFixture>(fixture);
