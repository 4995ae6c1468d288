namespace Municipal.Web.Cli;

/// <summary>A verb, its positional arguments and its --options (repeatable), read without surprises.</summary>
public sealed class CommandLine
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "json", "all", "yes" };

    private readonly List<string> _positionals = [];
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    private CommandLine(string verb) => Verb = verb;

    public string Verb { get; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new FormatException("verbe manquant.");
        }

        var line = new CommandLine(args[0]);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                line._positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            string value;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (Flags.Contains(name))
            {
                value = "true";
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new FormatException(HostText.Format("CliErrorOptionValue", name));
            }

            if (!line._options.TryGetValue(name, out var values))
            {
                line._options[name] = values = [];
            }

            values.Add(value);
        }

        return line;
    }

    public string Positional(int index, string what) =>
        index < _positionals.Count ? _positionals[index] : throw new FormatException(HostText.Format("CliErrorMissing", what));

    public string Required(string option) => Optional(option) ?? throw new FormatException(HostText.Format("CliErrorOptionRequired", option));

    public string? Optional(string option) => _options.TryGetValue(option, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string option) => _options.TryGetValue(option, out var values) ? values : [];

    public bool Flag(string option) => _options.ContainsKey(option);
}
