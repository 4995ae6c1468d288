using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Municipal.Web.HostApi;

/// <summary>Tenant operations for the regional operator's tools, at /api/host/tenants, with the key Municipal:HostApiKey.</summary>
public static class HostApiEndpoints
{
    public sealed record CreateTenantBody(string Name, string DisplayName, IReadOnlyList<string>? Hosts, string? Prefix, string Recipe, string AdminEmail, string? AdminPassword);

    public sealed record ApplyRecipeBody(string Recipe);

    public sealed record TenantView(string Name, string DisplayName, string State, IReadOnlyList<string> Hosts, string? Prefix, IReadOnlyList<string> Features);

    public sealed record CreatedTenantView(TenantView Tenant, string AdminEmail, string? GeneratedPassword);

    public sealed record RecipeRunView(string Recipe, DateTimeOffset StartedUtc, DateTimeOffset? FinishedUtc, bool Succeeded, string? Error);

    public sealed record ApplyAllResult(string Tenant, bool Succeeded, string? Error);

    public static void MapHostApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(TenantResolutionMiddleware.HostApiPath.Value + "/tenants").AddEndpointFilter(RequireKeyAsync);

        api.MapGet("/", async (TenantRegistry registry, CancellationToken ct) =>
        {
            registry.Invalidate();
            var lookup = await registry.GetLookupAsync(ct);
            return TypedResults.Ok(lookup.All.OrderBy(t => t.Name, StringComparer.Ordinal).Select(ToView).ToList());
        });

        api.MapGet("/{name}", async Task<Results<Ok<TenantView>, ProblemHttpResult>> (string name, TenantRegistry registry, CancellationToken ct) =>
            await registry.FindAsync(name, ct) is { } tenant ? TypedResults.Ok(ToView(tenant)) : NotFound(name));

        api.MapPost("/", (CreateTenantBody body, TenantProvisioner provisioner, CancellationToken ct) => Guard(async () =>
        {
            var created = await provisioner.CreateAsync(
                new CreateTenantRequest(body.Name, body.DisplayName, body.Hosts ?? [], body.Prefix, body.Recipe, body.AdminEmail, body.AdminPassword),
                recipeMayBePath: false,
                ct);
            return TypedResults.Created($"/api/host/tenants/{created.Tenant.Name}", new CreatedTenantView(ToView(created.Tenant), created.AdminEmail, created.GeneratedPassword));
        }));

        api.MapPost("/{name}/disable", (string name, TenantProvisioner provisioner, CancellationToken ct) =>
            Guard(async () => { await provisioner.DisableAsync(name, ct); return TypedResults.NoContent(); }));

        api.MapPost("/{name}/enable", (string name, TenantProvisioner provisioner, CancellationToken ct) =>
            Guard(async () => { await provisioner.EnableAsync(name, ct); return TypedResults.NoContent(); }));

        api.MapPost("/{name}/apply-recipe", (string name, ApplyRecipeBody body, TenantProvisioner provisioner, CancellationToken ct) =>
            Guard(async () => { await provisioner.ApplyRecipeAsync(name, body.Recipe, recipeMayBePath: false, ct); return TypedResults.NoContent(); }));

        api.MapPost("/apply-recipe", (ApplyRecipeBody body, TenantProvisioner provisioner, CancellationToken ct) => Guard(async () =>
        {
            var results = await provisioner.ApplyRecipeToAllAsync(body.Recipe, recipeMayBePath: false, ct);
            return TypedResults.Ok(results.Select(r => new ApplyAllResult(r.Tenant, r.Error is null, r.Error)).ToList());
        }));

        api.MapGet("/{name}/recipe-runs", async (string name, TenantProvisioner provisioner, CancellationToken ct) =>
            TypedResults.Ok((await provisioner.RecipeRunsAsync(name, ct)).Select(r => new RecipeRunView(r.Recipe, r.StartedUtc, r.FinishedUtc, r.Succeeded, r.Error)).ToList()));

        api.MapDelete("/{name}", (string name, TenantProvisioner provisioner, CancellationToken ct) =>
            Guard(async () => { await provisioner.DeleteAsync(name, ct); return TypedResults.NoContent(); }));
    }

    private static TenantView ToView(Tenant t) =>
        new(t.Name, t.DisplayName, t.State.ToString(), t.Hosts, t.PathPrefix, t.Features.Order(StringComparer.Ordinal).ToList());

    private static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem(title: HostText.Get("ApiTenantNotFound"), detail: HostText.Format("ApiNoTenant", name), statusCode: StatusCodes.Status404NotFound);

    /// <summary>Operator mistakes become RFC 9457 problem details with the reason, never a 500.</summary>
    private static async Task<IResult> Guard<T>(Func<Task<T>> action)
        where T : IResult
    {
        try
        {
            return await action();
        }
        catch (TenantNotFoundException ex)
        {
            return TypedResults.Problem(title: HostText.Get("ApiTenantNotFound"), detail: ex.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (TenantConflictException ex)
        {
            return TypedResults.Problem(title: HostText.Get("ApiConflict"), detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
        catch (TenantRequestException ex)
        {
            return TypedResults.Problem(title: HostText.Get("ApiBadRequest"), detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (RecipeException ex)
        {
            return TypedResults.Problem(title: HostText.Get("ApiRecipeRefused"), detail: ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    /// <summary>Without a configured key the API does not exist (404); a wrong key is 401.</summary>
    private static async ValueTask<object?> RequireKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.RequestServices.GetRequiredService<IOptions<MunicipalOptions>>().Value.HostApiKey;
        if (string.IsNullOrEmpty(key))
        {
            return TypedResults.NotFound();
        }

        var header = http.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : http.Request.Headers["X-Api-Key"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key))))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(title: HostText.Get("ApiUnauthorized"), detail: HostText.Get("ApiKeyMissing"), statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
