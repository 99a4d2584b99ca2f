namespace RubricEngine.Checks;

/// <summary>The unit words and symbols numbers carry, with their dimension and factor to the base unit.</summary>
internal static class Units
{
    /// <summary>A unit or a magnitude ("million", "k"): magnitudes scale the number and leave its dimension open.</summary>
    internal readonly record struct Unit(Dimension Dimension, double Factor, bool IsMagnitude = false);

    // Case-insensitive unit words, whether attached ("341s") or separate ("341 seconds").
    private static readonly Dictionary<string, Unit> Words = BuildWords();

    // Attached magnitudes are case-sensitive: "1.5M" is a million, "5m" is not a unit we read.
    private static readonly Dictionary<string, Unit> AttachedMagnitudes = new(StringComparer.Ordinal)
    {
        ["k"] = new(Dimension.Count, 1e3, true),
        ["K"] = new(Dimension.Count, 1e3, true),
        ["M"] = new(Dimension.Count, 1e6, true),
        ["B"] = new(Dimension.Count, 1e9, true),
        ["bn"] = new(Dimension.Count, 1e9, true),
        ["T"] = new(Dimension.Count, 1e12, true),
        ["X"] = new(Dimension.Ratio, 1),
    };

    private static Dictionary<string, Unit> BuildWords()
    {
        var d = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
        void Add(Dimension dim, double factor, params string[] names)
        {
            foreach (var n in names) d[n] = new Unit(dim, factor);
        }

        Add(Dimension.Time, 1e-3, "ms", "msec", "msecs", "millisecond", "milliseconds");
        Add(Dimension.Time, 1, "s", "sec", "secs", "second", "seconds");
        Add(Dimension.Time, 60, "min", "mins", "minute", "minutes");
        Add(Dimension.Time, 3600, "h", "hr", "hrs", "hour", "hours");
        Add(Dimension.Time, 86400, "day", "days");
        Add(Dimension.Percent, 1, "percent", "pct", "percentage");
        Add(Dimension.Points, 1, "point", "points", "pts", "pp");
        Add(Dimension.Ratio, 1, "x", "times", "fold");
        foreach (var (prefix, symbol, factor) in new[] { ("", "", 1.0), ("kilo", "k", 1e3), ("mega", "m", 1e6), ("giga", "g", 1e9), ("tera", "t", 1e12), ("peta", "p", 1e15) })
        {
            // FLOPS (a rate) and FLOPs (a count) are confused in practice; both compare as FLOPs.
            Add(Dimension.Flop, factor, prefix + "flop", prefix + "flops", symbol + "flop", symbol + "flops");
            if (prefix.Length > 0) Add(Dimension.Byte, factor, prefix + "byte", prefix + "bytes", symbol + "b");
        }
        d.Remove("flop");
        d.Remove("flops");
        Add(Dimension.Flop, 1, "flop", "flops");
        Add(Dimension.Byte, 1, "byte", "bytes");
        d["thousand"] = new(Dimension.Count, 1e3, true);
        d["million"] = new(Dimension.Count, 1e6, true);
        d["billion"] = new(Dimension.Count, 1e9, true);
        d["trillion"] = new(Dimension.Count, 1e12, true);
        return d;
    }

    /// <summary>The unit a word names; <paramref name="attached"/> when it follows the digits with no space.</summary>
    public static Unit? Lookup(ReadOnlySpan<char> word, bool attached)
    {
        if (word.Length == 0 || word.Length > 16) return null;
        if (attached && AttachedMagnitudeSpans.TryGetValue(word, out var magnitude)) return magnitude;
        // A lone "s" or "h" only counts right after the digits or after one space, never as "B" (billion) spelled apart.
        return WordSpans.TryGetValue(word, out var unit) ? unit : null;
    }

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["thousand"] = 1000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000, ["dozen"] = 12,
    };

    /// <summary>The value of a number word ("seven" → 7, "hundred" → 100), or -1.</summary>
    public static int NumberWord(ReadOnlySpan<char> word) =>
        word.Length is > 0 and <= 9 && NumberWordSpans.TryGetValue(word, out var v) ? v : -1;

    private static readonly HashSet<string> Qualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "approximately", "approx", "roughly", "around", "nearly", "almost", "circa", "ca", "some", "roughly",
        "estimated", "maybe", "perhaps",
    };

    private static readonly HashSet<string> BoundWords = new(StringComparer.OrdinalIgnoreCase) { "than", "least", "most", "to" };

    private static readonly HashSet<string> BoundLeads = new(StringComparer.OrdinalIgnoreCase) { "more", "less", "fewer", "at", "up" };

    public static bool IsQualifier(ReadOnlySpan<char> word) => word.Length <= 13 && QualifierSpans.Contains(word);

    public static bool IsBoundTail(ReadOnlySpan<char> word) => word.Length <= 5 && BoundWordSpans.Contains(word);

    public static bool IsBoundLead(ReadOnlySpan<char> word) => word.Length <= 5 && BoundLeadSpans.Contains(word);

    // Words that make the next number a label, not a claim: "Step 3", "Problem 4", "Eq. 2", "Figure 1".
    private static readonly HashSet<string> LabelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "step", "steps", "problem", "problems", "question", "questions", "q", "part", "parts", "section", "sec",
        "equation", "equations", "eq", "eqs", "eqn", "figure", "fig", "table", "chapter", "lemma", "theorem",
        "line", "lines", "item", "page", "pages", "exercise", "hw", "homework", "lecture", "appendix", "case",
        "option", "row", "column", "col", "version", "stage", "phase", "no", "number", "claim", "condition",
        "conditions", "rule", "task", "point", "attempt",
    };

    public static bool IsLabelWord(ReadOnlySpan<char> word) => word.Length <= 12 && LabelWordSpans.Contains(word);

    // Span lookups over the same tables: the scanner asks about every word of every answer, and a string per question
    // was a measurable share of the grading allocations.
    private static readonly Dictionary<string, Unit>.AlternateLookup<ReadOnlySpan<char>> WordSpans = Words.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, Unit>.AlternateLookup<ReadOnlySpan<char>> AttachedMagnitudeSpans = AttachedMagnitudes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NumberWordSpans = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> QualifierSpans = Qualifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BoundWordSpans = BoundWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BoundLeadSpans = BoundLeads.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LabelWordSpans = LabelWords.GetAlternateLookup<ReadOnlySpan<char>>();
}
