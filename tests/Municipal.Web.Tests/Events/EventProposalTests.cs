using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Modules;
using Municipal.Core.Security;
using Municipal.Core.Storage;
using Municipal.Events.Model;
using Municipal.Forms.Requests;
using Municipal.Forms.Storage;
using Municipal.Web.Tests.Forms;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Events;

/// <summary>
/// A citizen proposes an event with the municipality recipe's form; the agent accepts the request and a draft Event
/// is waiting for review, made from the answers, without the citizen's identity, linked from the request. SQLite and PostgreSQL.
/// </summary>
public abstract class EventProposalTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string CitizenEmail = "jeanne.citoyenne@exemple.be";

    [Fact]
    public async Task Accepting_a_proposal_makes_one_draft_event_from_the_answers_without_the_citizens_identity()
    {
        var name = fixture.NewTenantName("proposition");
        await fixture.CreateTenantAsync(name);
        var code = await ProposeAsync(name);
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = $"/admin/e-guichet/demandes/{code}";

        await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "en-traitement" });
        Assert.Null(await DraftAsync(name));
        var accepted = await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "acceptee" });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var draft = await DraftAsync(name);
        Assert.NotNull(draft);
        Assert.Equal((ContentStatus.Draft, ReviewState.Submitted), (draft.Status, draft.ReviewState));
        Assert.Contains(code, draft.ReviewComment, StringComparison.Ordinal);
        var content = JsonSerializer.Deserialize<EventContent>(draft.Data, ContentStore.Json)!;
        Assert.Equal("Brocante de la rue Haute", content.Title);
        Assert.Equal("marche", content.Category);
        Assert.Equal(new DateTime(2027, 6, 12, 8, 0, 0), content.Schedule.Start);
        Assert.Equal(new DateTime(2027, 6, 12, 17, 30, 0), content.Schedule.End);
        Assert.False(content.Schedule.WholeDay);
        Assert.Equal(new EventVenue("Rue Haute", "Rue Haute", "1", null, "5999", "Valmont"), content.Venue);
        Assert.Equal(("Comité de la rue Haute", "comite@ruehaute.example"), (content.Organiser!.Name, content.Organiser.Email));
        Assert.NotNull(content.Organiser.Phone);
        Assert.True(content.Admission!.Free);
        Assert.Contains("<p>Plus de 80 exposants.</p>", content.Body.Html, StringComparison.Ordinal);
        // The requester's e-mail, name and phone stay with the request.
        Assert.DoesNotContain(CitizenEmail, draft.Data, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Citoyenne", draft.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("0470", draft.Data, StringComparison.Ordinal);

        // The request's page links the draft's editor.
        var html = WebUtility.HtmlDecode(await agent.Client.GetStringAsync(page));
        Assert.Contains($"<a href=\"/admin/contenus/{draft.ContentItemId}\" data-created-content>Brocante de la rue Haute</a>", html, StringComparison.Ordinal);

        // Accepting again (the target asked twice) finds the same draft.
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name))
        {
            var request = await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Submissions.SingleAsync(s => s.TrackingCode == code);
            var again = await scope.ServiceProvider.GetRequiredService<RequestContent>().CreateAsync(request, "Proposer un événement", default);
            Assert.Equal(draft.ContentItemId, again!.ContentItemId);
            var events = await scope.ServiceProvider.GetRequiredService<TenantDbContext>().ContentItems.CountAsync(c => c.ContentType == EventTypes.Event && c.Author == "e-guichet");
            Assert.Equal(1, events);
        }
    }

    [Fact]
    public async Task A_refused_proposal_makes_no_draft()
    {
        var name = fixture.NewTenantName("refusee");
        await fixture.CreateTenantAsync(name);
        var code = await ProposeAsync(name);
        var agent = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var page = $"/admin/e-guichet/demandes/{code}";

        await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "en-traitement" });
        await agent.PostFormAsync(page, page + "/statut", new() { ["statut"] = "refusee" });

        Assert.Null(await DraftAsync(name));
        Assert.DoesNotContain("data-created-content", await agent.Client.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_content_type_a_module_offers_is_a_target_and_the_form_maps_known_fields()
    {
        var name = fixture.NewTenantName("cibles");
        await fixture.CreateTenantAsync(name);
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, name);
        var target = Assert.Single(scope.ServiceProvider.GetServices<IRequestContentTarget>());
        Assert.Equal((EventTypes.Event, "events"), (target.ContentType, target.Feature));
        var form = await scope.ServiceProvider.GetRequiredService<Municipal.Forms.Storage.FormStore>().GetLatestEnabledAsync("proposer-un-evenement", default);
        Assert.Empty(scope.ServiceProvider.GetRequiredService<Municipal.Forms.Storage.FormStore>().Check(form!));
        Assert.Equal("Event", form!.CreatesContent!.Type);
    }

    /// <summary>The citizen's proposal through the e-counter's API, as any client of the public site sends it; answers the tracking code.</summary>
    private async Task<string> ProposeAsync(string tenant)
    {
        var values = new JsonObject
        {
            ["titre"] = "Brocante de la rue Haute",
            ["resume"] = "La brocante annuelle du quartier.",
            ["description"] = "Plus de 80 exposants.\n\nBar et petite restauration.",
            ["categorie"] = "marche",
            ["gratuit"] = true,
            ["accessible"] = true,
            ["dateDebut"] = "2027-06-12",
            ["heureDebut"] = "8h00",
            ["heureFin"] = "17:30",
            ["lieu"] = "Rue Haute",
            ["rue"] = "Rue Haute",
            ["numero"] = "1",
            ["codePostal"] = "5999",
            ["localite"] = "Valmont",
            ["organisateur"] = "Comité de la rue Haute",
            ["contactEmail"] = "comite@ruehaute.example",
            ["contactTelephone"] = "+32 81 00 00 00",
            ["nom"] = "Jeanne Citoyenne",
            ["telephone"] = "0470 12 34 56",
            ["consentement"] = true,
        };
        var response = await ApiTestForms.PostAsync(fixture.ClientFor($"{tenant}.localhost"), "proposer-un-evenement", ApiTestForms.Body(CitizenEmail, values).ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    private async Task<ContentItemRecord?> DraftAsync(string tenant)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<TenantDbContext>().ContentItems.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ContentType == EventTypes.Event && c.Latest && c.Author == "e-guichet");
    }
}

public sealed class EventProposalTestsOnSqlite(SqliteFixture fixture) : EventProposalTests<SqliteFixture>(fixture);

public sealed class EventProposalTestsOnPostgres(PostgresFixture fixture) : EventProposalTests<PostgresFixture>(fixture);
