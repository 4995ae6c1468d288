namespace Municipal.Web.Cli;

/// <summary>What the command line of the executable asks for.</summary>
public enum CommandKind
{
    /// <summary>The web server: no argument, or only configuration switches (--urls, --environment, --Municipal:…).</summary>
    Server,
    Tenants,
    Operators,
    Help,

    /// <summary>Anything else: refused, so that a mistyped verb never opens the web server instead.</summary>
    Unknown,
}

/// <summary>Sorts the command line before anything starts: a verb, the web server, or a mistake (exit code 2).</summary>
public static class Commands
{
    /// <summary>Every verb, the server's switches first; the verbs' lines are those of their own usage messages.</summary>
    public static string Usage => string.Join('\n', [
        HostText.Get("CliUsageTitle"),
        HostText.Get("CliUsageServer"),
        "  Municipal.Web --help",
        .. VerbLines(TenantsCommand.Usage),
        .. VerbLines(OperatorsCommand.Usage),
    ]);

    public static CommandKind Classify(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return CommandKind.Server;
        }

        return args[0] switch
        {
            "tenants" => CommandKind.Tenants,
            "operators" => CommandKind.Operators,
            "help" or "--help" or "-h" => CommandKind.Help,
            _ => OnlyConfigurationSwitches(args) ? CommandKind.Server : CommandKind.Unknown,
        };
    }

    /// <summary>The refusal printed on standard error: the word not understood, then the verbs.</summary>
    public static async Task<int> RefuseAsync(IReadOnlyList<string> args, TextWriter error)
    {
        var culprit = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? args[^1];
        await error.WriteLineAsync(HostText.Format("CliErrorUnknownCommand", culprit));
        await error.WriteLineAsync(Usage);
        return 2;
    }

    /// <summary>
    /// "--key=value" or "--key value" pairs only, read as ASP.NET's command-line configuration reads them. A bare
    /// word left over (that configuration would silently ignore) or a switch without its value is a mistake.
    /// </summary>
    private static bool OnlyConfigurationSwitches(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2 || arg[2] == '=')
            {
                return false;
            }

            if (!arg.Contains('=', StringComparison.Ordinal) && ++i >= args.Count)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> VerbLines(string usage) =>
        usage.ReplaceLineEndings("\n").Split('\n').Skip(1).Where(l => l.Length > 0);
}
