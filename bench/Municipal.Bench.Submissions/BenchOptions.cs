using System.Globalization;
using System.Net;
using Npgsql;

namespace Municipal.Bench.Submissions;

/// <summary>The command line of the bench. Unknown or malformed arguments stop it with a message.</summary>
internal sealed record BenchOptions(int Clients, int Requests, string? PostgresServer, string? ResultsFile, bool Keep)
{
    /// <summary>Where the PostgreSQL server is found when --connection is not given.</summary>
    public const string PostgresVariable = "MUNICIPAL_BENCH_POSTGRES";

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Municipal.Bench.Submissions -- [options]
          --clients N          concurrent clients (default 8, at most 256)
          --requests N         submissions per provider, all clients together (default 400, at most 100000)
          --connection "..."   PostgreSQL server (loopback or socket only) on which the bench creates, then drops,
                               a database of its own; default: the variable MUNICIPAL_BENCH_POSTGRES. Without
                               either, only SQLite runs.
          --sqlite-only        skip PostgreSQL even when a server is given
          --results FILE       append the table, with date, machine and command, to FILE (e.g. bench/submissions-results.md)
          --keep               keep the data folders (their paths are printed) and the PostgreSQL database
        """;

    public static BenchOptions Parse(string[] args)
    {
        var clients = 8;
        var requests = 400;
        string? connection = null;
        string? results = null;
        var keep = false;
        var sqliteOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--clients":
                    clients = Number(args, ref i, 256);
                    break;
                case "--requests":
                    requests = Number(args, ref i, 100_000);
                    break;
                case "--connection":
                    connection = Value(args, ref i);
                    break;
                case "--results":
                    results = Value(args, ref i);
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--sqlite-only":
                    sqliteOnly = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }

        connection ??= Environment.GetEnvironmentVariable(PostgresVariable);
        if (sqliteOnly || string.IsNullOrWhiteSpace(connection))
        {
            connection = null;
        }
        else
        {
            CheckLoopback(connection);
        }

        return new BenchOptions(clients, requests, connection, results, keep);
    }

    /// <summary>The bench only talks to this machine: every host of the connection string must be loopback or a socket folder.</summary>
    private static void CheckLoopback(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        foreach (var host in (builder.Host ?? "localhost").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
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

    private static int Number(string[] args, ref int i, int max)
    {
        var text = Value(args, ref i);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max
            ? n
            : throw new ArgumentException($"{args[i - 1]} takes a number from 1 to {max}, not {text}.");
    }

    private static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
}
