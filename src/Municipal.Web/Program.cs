using Municipal.Web;
using Municipal.Web.Cli;
using Municipal.Web.HostAdmin;
using Municipal.Web.HostApi;

var kind = Commands.Classify(args);
if (kind == CommandKind.Unknown)
{
    // Refused before the host is built: a mistyped verb neither opens the web server nor touches the data.
    return await Commands.RefuseAsync(args, Console.Error);
}

if (kind == CommandKind.Help)
{
    await Console.Out.WriteLineAsync(Commands.Usage);
    return 0;
}

var isCommand = kind is CommandKind.Tenants or CommandKind.Operators;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = isCommand ? [] : args });
if (isCommand)
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

// The Server header only tells a scanner which vulnerabilities to try.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddMunicipal(builder.Configuration, HostModules.All());
builder.Services.AddHostAdmin();
builder.Services.AddProblemDetails();

var app = builder.Build();
await MunicipalStartup.MigrateAsync(app.Services);
if (isCommand)
{
    return kind == CommandKind.Operators
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
