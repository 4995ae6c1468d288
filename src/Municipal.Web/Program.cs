using Municipal.Core;
using Municipal.Web;
using Municipal.Web.Cli;
using Municipal.Web.HostAdmin;
using Municipal.Web.HostApi;

var isCommand = TenantsCommand.IsCommand(args) || OperatorsCommand.IsCommand(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = isCommand ? [] : args });
if (isCommand)
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

builder.Services.AddMunicipal(builder.Configuration, HostModules.All());
builder.Services.AddHostAdmin();
builder.Services.AddProblemDetails();

var app = builder.Build();
await MunicipalStartup.MigrateAsync(app.Services);
if (isCommand)
{
    return OperatorsCommand.IsCommand(args)
        ? await OperatorsCommand.RunAsync(app.Services, args, Console.Out, Console.Error)
        : await TenantsCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

await FirstRun.EnsureDemoTenantAsync(app);
app.UseMunicipal();
app.MapHostApi();
app.MapHostAdmin();
app.MapMunicipal();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests (WebApplicationFactory).</summary>
public partial class Program;
