using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks.Latex;

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
