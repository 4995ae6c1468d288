using System.Net;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Forms.FormBuilderDriver;
using static Municipal.Web.Tests.Forms.PublicFormTestForms;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// What the form builder changes reaches visitors at once, though anonymous pages sit in the output cache for
/// minutes: the form list and schema of the API and the procedure page that embeds the form. SQLite and PostgreSQL.
/// </summary>
public abstract class FormCacheTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string Procedure = "/demarches/salle";

    [Fact]
    public async Task Disabling_enabling_and_publishing_a_form_in_the_builder_shows_at_once_on_cached_pages()
    {
        var name = fixture.NewTenantName("fc");
        await fixture.CreateTenantAsync(name);
        await SaveAsync(fixture, name);
        await PublishProcedureAsync(fixture, name);
        var officer = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var form = Root + "/" + Slug;

        // Fetched twice: the second answer comes from the output cache (it carries an Age), so the test does exercise it.
        await AssertFormShownAsync(name, shown: true, version: 1, firstField: "name=\"jour.day\"");
        await AssertFormShownAsync(name, shown: true, version: 1, firstField: "name=\"jour.day\"", fromCache: true);

        await PostOkAsync(officer, form, new() { ["action"] = "disable" });
        await AssertFormShownAsync(name, shown: false);

        await PostOkAsync(officer, form, new() { ["action"] = "enable" });
        await AssertFormShownAsync(name, shown: true, version: 1, firstField: "name=\"jour.day\"");
        await AssertFormShownAsync(name, shown: true, version: 1, firstField: "name=\"jour.day\"", fromCache: true);

        // A new version (the steps swapped): the procedure page embeds the new first step.
        await PostOkAsync(officer, form, new() { ["action"] = "down-0" });
        await PostOkAsync(officer, form, new() { ["action"] = "publish" });
        await AssertFormShownAsync(name, shown: true, version: 2, firstField: "name=\"nom\"");
    }

    private async Task AssertFormShownAsync(string tenant, bool shown, int version = 0, string firstField = "", bool fromCache = false)
    {
        // A new anonymous client each time: no cookie of an earlier answer can keep a page out of the cache.
        var list = await fixture.ClientFor($"{tenant}.localhost").GetAsync("/api/forms");
        var schema = await fixture.ClientFor($"{tenant}.localhost").GetAsync("/api/forms/" + Slug);
        var procedure = await fixture.ClientFor($"{tenant}.localhost").GetAsync(Procedure);
        var listed = await list.Content.ReadAsStringAsync();
        var page = WebUtility.HtmlDecode(await procedure.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, procedure.StatusCode);
        if (fromCache)
        {
            Assert.All([list, procedure], r => Assert.NotNull(r.Headers.Age));
        }

        if (shown)
        {
            Assert.Contains($"{{\"slug\":\"{Slug}\",\"title\":\"Réserver une salle communale\",\"version\":{version}}}", listed, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
            Assert.Contains($"\"version\":{version}", await schema.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("eform-title", page, StringComparison.Ordinal);
            Assert.Contains(firstField, page, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(Slug, listed, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, schema.StatusCode);
            Assert.DoesNotContain("eform-title", page, StringComparison.Ordinal);
        }
    }
}

public sealed class FormCacheTestsOnSqlite(SqliteFixture fixture) : FormCacheTests<SqliteFixture>(fixture);

public sealed class FormCacheTestsOnPostgres(PostgresFixture fixture) : FormCacheTests<PostgresFixture>(fixture);
