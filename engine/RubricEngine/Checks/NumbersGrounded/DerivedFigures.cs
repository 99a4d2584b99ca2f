using System.Globalization;
using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>
/// Figures an answer computes from figures next to it ("2100 / 341 ≈ 6.2", "from 35 min to 5.7 min, about 84%
/// less"): a careful reader counts them as grounded when the arithmetic holds. Only one operation on two numbers of
/// the same block or the two before (product, quotient, sum, difference, percent change, percent of, reciprocal),
/// to the claim's own rounding, so an invented figure rarely matches by chance.
/// </summary>
internal static class DerivedFigures
{
    private const double RelativeTolerance = 0.01;

    // Blocks before the claim's own whose numbers it may be computed from (a list item per step of a computation).
    private const int Window = 2;

    private const int MaxOperands = 24;

    private const int MaxChained = 12;
    private const double ApproximateTolerance = 0.02;

    // Conversion factors a computation may multiply or divide a count or a duration by without a source: "35 × 60 = 2100".
    private static readonly double[] Factors = [60, 24, 3600];

    /// <summary>
    /// The grounded numbers of block <paramref name="index"/> and the two blocks before it, formulas included, and those
    /// computed from them: the operands a computed figure may come from. Labels ("Step 2") and invented figures are
    /// not operands, so a figure computed from an invented one stays invented.
    /// </summary>
    public static List<Quantity> Operands(Answer answer, int index, Func<Quantity, bool> grounded)
    {
        var found = new List<Quantity>();
        var words = new List<Quantity>();
        var writesComputation = false;
        for (var b = Math.Max(0, index - Window); b <= index; b++)
        {
            var block = answer.Blocks[b];
            var raw = answer.Document.Text.AsSpan(block.Span.Start, Math.Min(block.Span.Length, 4096)).ToString();
            // Formulas are read as text: their "$" delimiters are not currency signs, their spacing is not a gap.
            var text = string.Join(' ', TexText.Normalize(raw).Replace('$', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
            writesComputation |= text.AsSpan().IndexOfAny('=', '≈') >= 0;
            NumberScanner.Scan(text, NumberScanner.Mode.Claims, found, null);
            // Spelled-out counts are operands too ("27 min for all three"), though not claims.
            words.Clear();
            NumberScanner.Scan(text, NumberScanner.Mode.Source, words, null);
            foreach (var w in words)
                if (!text.AsSpan(w.Start, w.End - w.Start).ContainsAnyInRange('0', '9')) found.Add(w);
        }
        // One operand per quantity (a figure repeated across blocks is one), at most MaxOperands: the search is quadratic.
        found = found.DistinctBy(q => (q.Dimension, q.Value)).Take(MaxOperands).ToList();
        var operands = found.Where(grounded).ToList();
        // Two levels of chaining when the blocks write a computation out ("35 × 60 = 2100" makes 2100 an operand of
        // "2100 / 341 ≈ 6.2", and that of "8 × 6.2 ≈ 49"); cubic in the operands, so only then and for few of them.
        for (var level = 0; writesComputation && found.Count <= MaxChained && level < 2; level++)
        {
            var computed = found.Where(q => !operands.Contains(q) && IsComputed(q, operands)).ToList();
            if (computed.Count == 0) break;
            operands.AddRange(computed);
        }
        return operands;
    }

    /// <summary>True when <paramref name="claim"/> is one operation on two other numbers of <paramref name="operands"/>, or one of them converted.</summary>
    public static bool IsComputed(Quantity claim, List<Quantity> operands)
    {
        if (!claim.IsFinite || claim.Value == 0 || operands.Count == 0) return false;
        var written = Math.Abs(claim.Value);
        // The claim's rounding, but never more than 1% (2% when qualified): "3" must not come from 341 / 100.
        var tolerance = Math.Min(claim.Step / 2, RelativeTolerance * written);
        if (claim.Approximate) tolerance = Math.Max(tolerance, ApproximateTolerance * written);
        tolerance += 1e-9 * written;
        var baseTarget = Math.Abs(claim.BaseValue);
        var baseTolerance = tolerance * claim.UnitFactor;
        var measured = claim.Dimension is Dimension.Time or Dimension.Flop or Dimension.Byte;
        foreach (var a in operands)
        {
            if (!a.IsFinite || Near(a.Value, written, tolerance)) continue;
            if (measured && Reciprocal(a.BaseValue, baseTarget, baseTolerance)) return true;
            if (claim.Dimension == Dimension.Count && a.Dimension is Dimension.Count or Dimension.Time)
                foreach (var f in Factors)
                    if (Near(a.Value * f, written, tolerance) || Near(a.Value / f, written, tolerance)) return true;
            foreach (var b in operands)
            {
                if (!b.IsFinite || Near(b.Value, written, tolerance) || a.Equals(b)) continue;
                // Times or over one is no computation: "92.7% of 1" must not make 0.93 a derived figure.
                var unit = a.Value == 1 || b.Value == 1;
                var found = claim.Dimension switch
                {
                    // "about 84% less (from 35 min to 5.7 min)", "87.5% (from 8 to 1)", "a drop of 0.5 points"
                    Dimension.Percent => a.Dimension == b.Dimension
                        && (Near(100 * Math.Abs(a.BaseValue - b.BaseValue) / a.BaseValue, written, tolerance)
                            || Near(100 * a.BaseValue / b.BaseValue, written, tolerance)
                            || (a.Dimension == Dimension.Percent && Near(Math.Abs(a.Value - b.Value), written, tolerance))),
                    // "from 92.7% to 91.9%, 0.8 points"
                    Dimension.Points => a.Dimension == Dimension.Percent && b.Dimension == Dimension.Percent && Near(Math.Abs(a.Value - b.Value), written, tolerance),
                    // "2100 / 341 ≈ 6.2×", "8 × 6.2 ≈ 49×"
                    Dimension.Ratio => !unit && ((a.Dimension == b.Dimension && Near(a.BaseValue / b.BaseValue, written, tolerance))
                        || ((a.Dimension == Dimension.Count || b.Dimension == Dimension.Count) && Near(a.Value / b.Value, written, tolerance))
                        || (b.Dimension is Dimension.Count or Dimension.Ratio && Near(a.Value * b.Value, written, tolerance))),
                    // "67349 / 32 ≈ 2105 steps", "10% of 6315 ≈ 632", "35 × 60 = 2100"
                    Dimension.Count => (!unit && (Near(a.Value * b.Value, written, tolerance) || Near(a.Value / b.Value, written, tolerance)
                            || (a.Dimension == Dimension.Percent && Near(a.Value * b.Value / 100, written, tolerance))))
                        || Near(a.Value + b.Value, written, tolerance) || Near(Math.Abs(a.Value - b.Value), written, tolerance),
                    // "9 min × 3 = 27 min", "14 min × 3 epochs", "35 min − 5.7 min"
                    _ => (!unit && b.Dimension is Dimension.Count or Dimension.Ratio && (Near(a.BaseValue * b.Value, baseTarget, baseTolerance) || Near(a.BaseValue / b.Value, baseTarget, baseTolerance)))
                        || (a.Dimension == claim.Dimension && b.Dimension == claim.Dimension
                            && (Near(a.BaseValue + b.BaseValue, baseTarget, baseTolerance) || Near(Math.Abs(a.BaseValue - b.BaseValue), baseTarget, baseTolerance))),
                };
                if (found) return true;
            }
        }
        return false;
    }

    private static bool Reciprocal(double a, double target, double tolerance) => a != 0 && Near(1 / a, target, tolerance);

    private static bool Near(double x, double target, double tolerance) => double.IsFinite(x) && Math.Abs(x - target) <= tolerance;

    /// <summary>The quantity a claim states, for counting it once per answer: dimension and value in base units, to 4 significant digits.</summary>
    public static string Key(Quantity q) =>
        ((int)q.Dimension).ToString(CultureInfo.InvariantCulture) + ":" + q.BaseValue.ToString("G4", CultureInfo.InvariantCulture);
}
