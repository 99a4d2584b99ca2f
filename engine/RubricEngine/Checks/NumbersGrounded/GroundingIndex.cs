namespace RubricEngine.Checks;

/// <summary>
/// The numbers and identifier tokens of some grounding texts, built once and read by many threads: sorted values
/// per dimension (in base units), every value as written (for bare numbers), and squashed tokens.
/// </summary>
internal sealed class GroundingIndex
{
    private const double RelativeApproximation = 0.10;

    private readonly double[][] _byDimension;
    private readonly double[] _asWritten;
    private readonly double[] _amounts;
    private readonly HashSet<string> _tokens;

    private GroundingIndex(double[][] byDimension, double[] asWritten, double[] amounts, HashSet<string> tokens)
    {
        _byDimension = byDimension;
        _asWritten = asWritten;
        _amounts = amounts;
        _tokens = tokens;
    }

    public static GroundingIndex Empty { get; } = Build([]);

    public static GroundingIndex Build(IEnumerable<string> texts)
    {
        // Built for every trace (its prompts and attachments): the quantities of all texts are gathered in one list
        // and copied once into exactly sized arrays, and digit runs already in the set are not cut out as strings.
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var quantities = new List<Quantity>();
        var identifiers = new List<IdentifierToken>();
        foreach (var text in texts)
        {
            identifiers.Clear();
            NumberScanner.Scan(text, NumberScanner.Mode.Source, quantities, identifiers);
            foreach (var id in identifiers)
                AddIdentifierVariants(id.Text, tokens);
            AddPlainTokens(text, tokens);
        }
        var counts = new int[Enum.GetValues<Dimension>().Length];
        var finite = 0;
        foreach (var q in quantities)
        {
            if (!q.IsFinite) continue;
            counts[(int)q.Dimension]++;
            finite++;
        }
        var byDimension = new double[counts.Length][];
        for (var d = 0; d < counts.Length; d++) byDimension[d] = counts[d] == 0 ? [] : new double[counts[d]];
        var asWritten = finite == 0 ? [] : new double[finite];
        var amounts = new double[finite - counts[(int)Dimension.Percent] - counts[(int)Dimension.Points] - counts[(int)Dimension.Ratio]];
        Array.Clear(counts);
        int w = 0, a = 0;
        foreach (var q in quantities)
        {
            if (!q.IsFinite) continue;
            byDimension[(int)q.Dimension][counts[(int)q.Dimension]++] = q.BaseValue;
            asWritten[w++] = q.Value;
            if (!IsRelative(q.Dimension)) amounts[a++] = q.Value;
        }
        foreach (var values in byDimension) Array.Sort(values);
        Array.Sort(asWritten);
        Array.Sort(amounts);
        return new GroundingIndex(byDimension, asWritten, amounts, tokens);
    }

    /// <summary>Years and long numbers are looked up as tokens: add every digit run of the text.</summary>
    private static void AddPlainTokens(string text, HashSet<string> tokens)
    {
        var lookup = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (next < 0) return;
            i += next;
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i - start <= 64 && !lookup.Contains(text.AsSpan(start, i - start))) tokens.Add(text[start..i]);
        }
    }

    /// <summary>True when some number of the index supports <paramref name="claim"/>.</summary>
    /// <param name="claim">The number stated.</param>
    /// <param name="exactly">Only a source figure of exactly this value counts, never a rounding of one: the reply
    /// says it cannot see the sources, so a figure that merely rounds to one of theirs is a coincidence.</param>
    /// <param name="countsThings">The number counts things named after it ("3 remaining tricks", "4 GPUs"): a
    /// multiplier or a percentage of the same digits ("3x", "3%") is another quantity.</param>
    public bool Grounds(Quantity claim, bool exactly = false, bool countsThings = false)
    {
        if (!claim.IsFinite) return false;
        var v = Math.Abs(claim.Value);
        // Unqualified: the source value rounds to the claim at the claim's last digit ("94%" ← 94.3%), but a
        // rounding never moves a figure by more than a tenth ("3x" is not 2.6 times, "1 hour" is not 42 minutes).
        // Qualified ("~", "about", "less than"): within a tenth.
        var tolerance = Math.Min(claim.Step / 2, RelativeApproximation * v);
        if (claim.Approximate) tolerance = RelativeApproximation * v;
        // A whole count ("on 16 GPUs") is a count of things: a source's 15.7 does not round to it.
        if (exactly || (claim.Dimension == Dimension.Count && claim.Step >= 1 && !claim.Approximate)) tolerance = 0;
        tolerance += 1e-9 * Math.Max(v, claim.Dimension == Dimension.Count ? 1 : 1e-300);
        if (claim.Dimension == Dimension.Count)
            return AnyIn(countsThings && claim.Step >= 1 ? _amounts : _asWritten, v - tolerance, v + tolerance);
        if (AnyIn(_byDimension[(int)claim.Dimension], (v - tolerance) * claim.UnitFactor, (v + tolerance) * claim.UnitFactor)) return true;
        // "15.7 TFLOPS" where the source says "roughly 15.7 in FP32": a number with decimals written exactly as in the
        // source is that number, whatever unit the answer adds (a whole number like "24 hours" is not: "24 epochs").
        var exact = (exactly ? 0 : claim.Step / 2) + 1e-9 * Math.Max(v, 1e-300);
        return claim.Step < 1 && v >= 1 && AnyIn(_asWritten, v - exact, v + exact);
    }

    /// <summary>True when some text of the index writes <paramref name="value"/>, in whatever unit.</summary>
    public bool HasNumber(double value) => AnyIn(_asWritten, Math.Abs(value) - 1e-9 * Math.Max(Math.Abs(value), 1), Math.Abs(value) + 1e-9 * Math.Max(Math.Abs(value), 1));

    private static bool IsRelative(Dimension dimension) => dimension is Dimension.Percent or Dimension.Points or Dimension.Ratio;

    /// <summary>True when the identifier (or its singular, or its name without a "-style" tail) is a token of the index.</summary>
    public bool Contains(string identifier)
    {
        foreach (var variant in IdentifierVariants(identifier))
            if (_tokens.Contains(variant)) return true;
        return false;
    }

    private static bool AnyIn(double[] sorted, double low, double high)
    {
        if (sorted.Length == 0 || double.IsNaN(low) || double.IsNaN(high)) return false;
        var i = Array.BinarySearch(sorted, low);
        if (i < 0) i = ~i;
        return i < sorted.Length && sorted[i] <= high;
    }

    private static void AddIdentifierVariants(string token, HashSet<string> tokens)
    {
        // The forms IdentifierVariants yields; the set makes its de-duplication unnecessary here.
        var lower = token.Trim().ToLowerInvariant().TrimEnd('.', '-');
        var prefix = lower;
        while (true)
        {
            var squashed = prefix.Replace("-", "", StringComparison.Ordinal);
            if (squashed.AsSpan().ContainsAnyInRange('0', '9'))
            {
                tokens.Add(squashed);
                if (squashed.Length > 2 && squashed[^1] == 's' && char.IsAsciiDigit(squashed[^2]))
                    tokens.Add(squashed[..^1]);
            }
            var dash = prefix.LastIndexOf('-');
            if (dash <= 0) return;
            prefix = prefix[..dash];
        }
    }

    /// <summary>
    /// Lower-case forms of a token without hyphens, with each hyphen-separated tail dropped and a plural "s"
    /// removed, keeping only forms with a digit: "ResNet-18-style" → resnet18style, resnet18; "V100s" → v100s, v100.
    /// </summary>
    internal static IEnumerable<string> IdentifierVariants(string token)
    {
        var lower = token.Trim().ToLowerInvariant().TrimEnd('.', '-');
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var prefix = lower;
        while (true)
        {
            var squashed = prefix.Replace("-", "", StringComparison.Ordinal);
            if (squashed.Any(char.IsAsciiDigit))
            {
                if (seen.Add(squashed)) yield return squashed;
                if (squashed.Length > 2 && squashed[^1] == 's' && char.IsAsciiDigit(squashed[^2]) && seen.Add(squashed[..^1]))
                    yield return squashed[..^1];
            }
            var dash = prefix.LastIndexOf('-');
            if (dash <= 0) yield break;
            prefix = prefix[..dash];
        }
    }
}
