namespace RubricEngine.Segmentation;

/// <summary>Orders question paths as a TA reads them: 2 before 10, b before c, ii before iii.</summary>
public sealed class QuestionPathComparer : IComparer<QuestionPath>
{
    public static QuestionPathComparer Instance { get; } = new();

    public int Compare(QuestionPath? x, QuestionPath? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        for (var i = 0; i < Math.Min(x.Parts.Count, y.Parts.Count); i++)
        {
            var c = ComparePart(x.Parts[i], y.Parts[i]);
            if (c != 0) return c;
        }
        return x.Parts.Count.CompareTo(y.Parts.Count);
    }

    private static int ComparePart(string a, string b)
    {
        var ka = Key(a);
        var kb = Key(b);
        var c = ka.Rank.CompareTo(kb.Rank);
        return c != 0 ? c : string.CompareOrdinal(a, b);
    }

    private static (long Rank, int _) Key(string part)
    {
        if (long.TryParse(part, out var n)) return (n, 0);
        var roman = RomanNumerals.TryParse(part);
        if (roman > 0) return (roman, 0);
        return (part.Length == 1 ? part[0] - 'a' + 1 : 1_000_000, 0);
    }
}
