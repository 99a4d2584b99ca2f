using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks.Latex;

/// <summary>One normalized statement of an answer with the segment it came from.</summary>
internal sealed record AnswerStatement(MathSegment Segment, NormalizedStatement Statement)
{
    public TextSpan Span => Segment.Span;

    /// <summary>Number of relation links between two written sides: <c>a = b = c</c> has 2.</summary>
    public int Links
    {
        get
        {
            var links = 0;
            for (var i = 0; i + 1 < Statement.SideCount; i++)
                if (Statement.SideAt(i) is not null && Statement.SideAt(i + 1) is not null) links++;
            return links;
        }
    }

    /// <summary>Keys of the variables and other atoms the statement mentions.</summary>
    public IEnumerable<string> AtomKeys
    {
        get
        {
            for (var i = 0; i < Statement.SideCount; i++)
                if (Statement.SideAt(i) is { } p)
                    foreach (var m in p.Terms)
                        foreach (var a in m.Atoms)
                            yield return a.Base;
        }
    }
}

/// <summary>Every math statement of some blocks of a message, normalized, in reading order.</summary>
internal static class AnswerMath
{
    public static List<AnswerStatement> Statements(string messageText, IReadOnlyList<Block> blocks, LatexNormalizer normalizer)
    {
        var result = new List<AnswerStatement>();
        foreach (var segment in MathExtractor.Extract(messageText, blocks))
            foreach (var statement in normalizer.Parse(segment.Tex).Statements)
                result.Add(new AnswerStatement(segment, statement));
        return result;
    }

    /// <summary>
    /// A polynomial up to a nonzero scalar factor: divided by its first coefficient, so <c>-2A = 0</c> and
    /// <c>A = 0</c> give the same key. Null for zero (a trivial identity).
    /// </summary>
    public static string? ScaleFreeKey(Polynomial p)
    {
        if (p.IsZero) return null;
        var lead = p.Terms[0].Coefficient;
        return p.Scale(1 / lead).Key;
    }
}
