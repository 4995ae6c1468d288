namespace Municipal.Core.Content;

/// <summary>What a piece of a compared text is: kept, added by the newer text, or removed from the older one.</summary>
public enum DiffKind
{
    Same = 0,
    Added = 1,
    Removed = 2,
}

/// <summary>A run of words of one kind (words joined by single spaces).</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>The segments of a comparison; <see cref="ReplacedAsWhole"/> when the texts were too large to compare word by word.</summary>
public sealed record TextDiff(IReadOnlyList<DiffSegment> Segments, bool ReplacedAsWhole)
{
    public bool HasChanges => Segments.Any(s => s.Kind != DiffKind.Same);
}

/// <summary>
/// Word-level comparison of two texts (longest common subsequence of their words), as a reviewer reads it:
/// "the opening hours changed from <del>8 h</del> <ins>9 h</ins>". The work is bounded: the common start and end
/// are set aside first (most edits touch a small part of a text), and when the rest is still too large to
/// compare word by word, the result says "the whole text was replaced" instead of spending memory and time.
/// </summary>
public static class WordDiff
{
    /// <summary>Cells of the comparison table beyond which the middle of the texts is reported as replaced as a whole.</summary>
    public const int MaxCells = 1_000_000;

    /// <summary>The segments turning <paramref name="older"/> into <paramref name="newer"/>; whitespace differences are ignored.</summary>
    public static TextDiff Compare(string? older, string? newer) => Compare(older, newer, MaxCells);

    /// <summary>As <see cref="Compare(string?, string?)"/>, with the size limit given (tests use a small one).</summary>
    public static TextDiff Compare(string? older, string? newer, int maxCells)
    {
        var a = Words(older);
        var b = Words(newer);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var builder = new SegmentBuilder();
        builder.AddRange(DiffKind.Same, a, 0, prefix);
        var middleA = a[prefix..(a.Length - suffix)];
        var middleB = b[prefix..(b.Length - suffix)];
        var tooLarge = (long)(middleA.Length + 1) * (middleB.Length + 1) > maxCells;
        if (tooLarge)
        {
            builder.AddRange(DiffKind.Removed, middleA, 0, middleA.Length);
            builder.AddRange(DiffKind.Added, middleB, 0, middleB.Length);
        }
        else
        {
            CompareMiddle(middleA, middleB, builder);
        }

        builder.AddRange(DiffKind.Same, a, a.Length - suffix, suffix);
        return new TextDiff(builder.Build(), tooLarge);
    }

    internal static string[] Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static void CompareMiddle(string[] a, string[] b, SegmentBuilder builder)
    {
        // lengths[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var width = b.Length + 1;
        var lengths = new int[(a.Length + 1) * width];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[(i * width) + j] = a[i] == b[j]
                    ? lengths[((i + 1) * width) + j + 1] + 1
                    : Math.Max(lengths[((i + 1) * width) + j], lengths[(i * width) + j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                builder.Add(DiffKind.Same, a[x]);
                x++;
                y++;
            }
            else if (lengths[((x + 1) * width) + y] >= lengths[(x * width) + y + 1])
            {
                builder.Add(DiffKind.Removed, a[x]);
                x++;
            }
            else
            {
                builder.Add(DiffKind.Added, b[y]);
                y++;
            }
        }

        builder.AddRange(DiffKind.Removed, a, x, a.Length - x);
        builder.AddRange(DiffKind.Added, b, y, b.Length - y);
    }

    /// <summary>Joins consecutive words of one kind into one segment; a removal is put before the addition it meets.</summary>
    private sealed class SegmentBuilder
    {
        private readonly List<(DiffKind Kind, List<string> Words)> _runs = [];

        public void Add(DiffKind kind, string word)
        {
            if (_runs.Count > 0 && _runs[^1].Kind == kind)
            {
                _runs[^1].Words.Add(word);
            }
            else if (kind == DiffKind.Removed && _runs.Count > 1 && _runs[^1].Kind == DiffKind.Added && _runs[^2].Kind == DiffKind.Removed)
            {
                _runs[^2].Words.Add(word);
            }
            else
            {
                _runs.Add((kind, [word]));
            }
        }

        public void AddRange(DiffKind kind, string[] words, int start, int count)
        {
            for (var i = start; i < start + count; i++)
            {
                Add(kind, words[i]);
            }
        }

        public List<DiffSegment> Build() => _runs.Select(r => new DiffSegment(r.Kind, string.Join(' ', r.Words))).ToList();
    }
}
