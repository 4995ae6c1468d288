using System.Globalization;
using System.Net;
using Npgsql;

namespace Municipal.Bench.Tenants;

/// <summary>The command line of the bench. Unknown or malformed arguments stop it with a message.</summary>
internal sealed record BenchOptions(int Tenants, string Provider, string? Connection, bool Keep, TimeSpan MaxDuration, bool JitProfile, TimeSpan Hold)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Municipal.Bench.Tenants -- [options]
          --tenants N            tenants to provision (default 200, at most 100000)
          --provider P           sqlite (default) or postgres
          --connection "..."     PostgreSQL connection string (required with postgres; loopback or socket only;
                                 use an empty database: the bench refuses one that already has tenants)
          --keep                 keep the data folder (and, on PostgreSQL, the tenants' schemas)
          --max-minutes M        stop the provisioning and request loops after M minutes (default 120)
          --hold-seconds S       after the summary, keep the host running S seconds (at most 600) before it
                                 stops, to attach a tool (dotnet-gcdump, dotnet-counters) to the process
          --jit-profile          also count the methods the JIT compiles during the second half of the
                                 provisioning, by type (diagnostic: slows the run a little)
        """;

    public bool IsPostgres => Provider == "postgres";

    public static BenchOptions Parse(string[] args)
    {
        var tenants = 200;
        var provider = "sqlite";
        string? connection = null;
        var keep = false;
        var maxMinutes = 120.0;
        var jitProfile = false;
        var holdSeconds = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--tenants":
                    tenants = int.Parse(Value(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--provider":
                    provider = Value(args, ref i).ToLowerInvariant();
                    break;
                case "--connection":
                    connection = Value(args, ref i);
                    break;
                case "--hold-seconds":
                    holdSeconds = int.Parse(Value(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--jit-profile":
                    jitProfile = true;
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--max-minutes":
                    maxMinutes = double.Parse(Value(args, ref i), NumberStyles.Float, CultureInfo.InvariantCulture);
                    break;
                case "-h" or "--help":
                    throw new ArgumentException(string.Empty);
                default:
                    throw new ArgumentException($"Unknown argument: {args[i]}");
            }
        }

        if (tenants is < 1 or > 100_000)
        {
            throw new ArgumentException("--tenants must be between 1 and 100000.");
        }

        if (maxMinutes is <= 0 or > 24 * 60)
        {
            throw new ArgumentException("--max-minutes must be between 0 and 1440.");
        }

        if (holdSeconds > 600)
        {
            throw new ArgumentException("--hold-seconds must be at most 600.");
        }

        if (provider is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException("--provider must be sqlite or postgres.");
        }

        if (provider == "postgres")
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new ArgumentException("--connection is required with --provider postgres.");
            }

            CheckLoopback(connection);
        }
        else if (connection is not null)
        {
            throw new ArgumentException("--connection is only for --provider postgres.");
        }

        return new BenchOptions(tenants, provider, connection, keep, TimeSpan.FromMinutes(maxMinutes), jitProfile, TimeSpan.FromSeconds(holdSeconds));
    }

    /// <summary>The bench only talks to this machine: every host of the connection string must be loopback or a socket folder.</summary>
    private static void CheckLoopback(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        var hosts = (builder.Host ?? "localhost").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var host in hosts)
        {
            var name = host.Split(':')[0];
            var loopback = host.StartsWith('/')
                || string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var v6) && IPAddress.IsLoopback(v6))
                || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
            if (!loopback)
            {
                throw new ArgumentException($"The bench only connects to this machine; host « {host} » is not loopback.");
            }
        }
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
