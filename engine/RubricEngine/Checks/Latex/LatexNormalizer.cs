namespace RubricEngine.Checks.Latex;

/// <summary>
/// Puts TeX math in a canonical form so that equal formulas written differently compare equal:
/// <c>\mathbf{X}^T</c> and <c>X^{\top}</c>, <c>\operatorname{Tr}</c> and <c>\text{tr}</c>,
/// <c>(W_2 W_1 X)^\top</c> and <c>X^\top W_1^\top W_2^\top</c>. It is not a computer algebra system:
/// Checks/Latex/README.md lists exactly what it equates. Thread-safe; never throws on any input.
/// </summary>
internal sealed class LatexNormalizer
{
    private const int MaxMemoEntries = 8192;
    private const int MaxMemoLength = 4096;

    private readonly PolynomialBuilder _builder;

    // The same formulas come back again and again: within a trace (a derivation is read by DerivationShown and
    // again by ConditionsUsed for every later attempt) and across a class (everyone's model writes the same
    // conditions). Normalizing is pure and its result immutable, so results are shared; the memo is bounded.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, NormalizedMath> _memo = new(StringComparer.Ordinal);

    /// <summary>A normalizer without substitutions or identities.</summary>
    public static LatexNormalizer Default { get; } = new();

    /// <summary>Creates a normalizer with the rubric's substitutions and identities.</summary>
    public LatexNormalizer(LatexNormalizerOptions? options = null)
    {
        options ??= new LatexNormalizerOptions();
        var substitutions = new Dictionary<string, MathNode>(StringComparer.Ordinal);
        var numbers = new Dictionary<double, MathNode>();
        var identities = new List<(Atom[], Polynomial)>();
        foreach (var (variable, replacement) in options.Substitutions)
        {
            var name = LatexParser.Parse(variable).Statements.FirstOrDefault()?.Sides.FirstOrDefault();
            var value = LatexParser.Parse(replacement).Statements.FirstOrDefault()?.Sides.FirstOrDefault();
            if (value is null) continue;
            switch (name)
            {
                case SymNode s: substitutions[s.Name] = value; break;      // W_1 → U_k^\top
                case NumNode n: numbers[n.Value] = value; break;           // a constant: 2 → 3
                case not null when SubExpression(name) is { } pattern:      // a product: W_2 W_1 → P
                    identities.Add((pattern, PolynomialBuilder.Default.Build(value)));
                    break;
            }
        }
        foreach (var identity in options.Identities)
        {
            var statement = LatexParser.Parse(identity).Statements.FirstOrDefault();
            if (statement is not { Sides.Length: 2 }) continue;
            var lhs = PolynomialBuilder.Default.Build(statement.Sides[0]);
            var rhs = PolynomialBuilder.Default.Build(statement.Sides[1]);
            if (lhs.Terms is [{ Coefficient: 1, Atoms.Length: > 0 } single]) identities.Add((single.Atoms, rhs));
        }
        _builder = new PolynomialBuilder(substitutions, identities, numbers);
    }

    /// <summary>
    /// True when <paramref name="latex"/> is something a substitution can replace: a variable (<c>W_1</c>), a number
    /// (<c>2</c>) or a product of factors (<c>W_2 W_1</c>, <c>2T</c>). A sum (<c>a + b</c>) cannot be: its terms are
    /// reordered by normalization, so there is no one place to find it.
    /// </summary>
    public static bool CanSubstitute(string latex)
    {
        var node = LatexParser.Parse(latex).Statements.FirstOrDefault()?.Sides.FirstOrDefault();
        return node is SymNode or NumNode || (node is not null && SubExpression(node) is not null);
    }

    /// <summary>The atoms of a one-term product with coefficient 1 (what an identity pattern matches), or null.</summary>
    private static Atom[]? SubExpression(MathNode node)
    {
        var built = PolynomialBuilder.Default.Build(node);
        return built.Terms is [{ Coefficient: 1, Atoms.Length: > 0 } single] ? single.Atoms : null;
    }

    /// <summary>
    /// The canonical TeX of <paramref name="latex"/>: statements separated by ", ", each side in normal form.
    /// Normalizing the result again gives the same text.
    /// </summary>
    public string Normalize(string latex) => Parse(latex).Text;

    /// <summary>True when both formulas normalize to the same text (same statements, same sides, same relations).</summary>
    public bool AreEquivalent(string a, string b) => Normalize(a) == Normalize(b);

    /// <summary>Parses and normalizes <paramref name="latex"/>.</summary>
    public NormalizedMath Parse(string latex)
    {
        latex ??= "";
        if (latex.Length > MaxMemoLength) return ParseCore(latex);
        if (_memo.TryGetValue(latex, out var known)) return known;
        var math = ParseCore(latex);
        if (_memo.Count < MaxMemoEntries) _memo.TryAdd(latex, math);
        return math;
    }

    private NormalizedMath ParseCore(string latex)
    {
        var (statements, truncated) = LatexParser.Parse(latex);
        var normalized = statements
            .Select(s => new NormalizedStatement(s.Sides.Select(side => side is OpaqueNode { Text: "" } ? null : _builder.Build(side)).ToArray(), s.Relations, s.Tag))
            .Where(s => s.Sides.Any(side => side.Length > 0)) // "()" or a lone "=" says nothing
            .ToList();
        return new NormalizedMath(normalized, truncated);
    }
}
