using System.Globalization;

namespace Municipal.Bench.Media;

/// <summary>The command line of the bench. Unknown or malformed arguments stop it with a message.</summary>
internal sealed record Options(int Runs, int Refusals, string? ResultsFile, bool Keep)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Municipal.Bench.Media -- [options]
          --runs N          uploads of each image (default 5, at most 1000)
          --refusals N      refusals of each refused file (default 20, at most 10000)
          --results FILE    append the table, with date, machine and command, to FILE (e.g. bench/media-results.md)
          --keep            keep the data folder (its path is printed)
        """;

    public static Options Parse(string[] args)
    {
        var runs = 5;
        var refusals = 20;
        string? results = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = Number(args, ref i, 1000);
                    break;
                case "--refusals":
                    refusals = Number(args, ref i, 10000);
                    break;
                case "--results":
                    results = Value(args, ref i);
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }

        return new Options(runs, refusals, results, keep);
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
