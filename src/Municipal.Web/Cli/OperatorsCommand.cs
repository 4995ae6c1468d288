using Municipal.Web.HostAdmin;

namespace Municipal.Web.Cli;

/// <summary>
/// "operators ..." verbs: accounts of the regional operator (host administration at /host). Exit code 0 on
/// success; 1 with a one-line reason when refused; 2 for a command line that cannot be understood.
/// </summary>
public static class OperatorsCommand
{
    public static string Usage => HostText.Get("CliOperatorsUsage");

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var line = CommandLine.Parse(args.Skip(1).ToArray());
            return line.Verb switch
            {
                "create" => await CreateAsync(services, line, output),
                _ => throw new FormatException(HostText.Format("CliErrorUnknownVerb", line.Verb)),
            };
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync(HostText.Format("CliError", ex.Message));
            await error.WriteLineAsync(Usage);
            return 2;
        }
        catch (OperatorRequestException ex)
        {
            await error.WriteLineAsync(HostText.Format("CliError", ex.Message.ReplaceLineEndings(" ")));
            return 1;
        }
    }

    private static async Task<int> CreateAsync(IServiceProvider services, CommandLine line, TextWriter output)
    {
        var email = line.Positional(0, HostText.Get("CliOperatorEmail"));
        await using var scope = services.CreateAsyncScope();
        var generated = await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreateAsync(email, line.Optional("password"));
        await output.WriteLineAsync(HostText.Format("CliOperatorCreated", email.Trim()));
        if (generated is not null)
        {
            await output.WriteLineAsync(HostText.Format("CliOneTimePassword", generated));
        }

        return 0;
    }
}
