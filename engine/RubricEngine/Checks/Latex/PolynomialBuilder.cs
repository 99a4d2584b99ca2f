namespace RubricEngine.Checks.Latex;

/// <summary>
/// Turns a parsed expression into its <see cref="Polynomial"/> normal form, applying the substitutions and
/// identities a rubric declared. Recursion follows the tree, whose depth the parser caps.
/// </summary>
internal sealed class PolynomialBuilder
{
    /// <summary>Trace monomials longer than this are not rotated to their canonical cyclic form.</summary>
    private const int MaxTraceRotation = 64;

    private const int MaxRewritePasses = 16;

    public static readonly PolynomialBuilder Default = new(new Dictionary<string, MathNode>(), []);

    private readonly IReadOnlyDictionary<string, MathNode> _substitutions;
    private readonly IReadOnlyDictionary<double, MathNode> _numbers;
    private readonly IReadOnlyList<(Atom[] Pattern, Polynomial Replacement)> _identities;

    public PolynomialBuilder(IReadOnlyDictionary<string, MathNode> substitutions, IReadOnlyList<(Atom[] Pattern, Polynomial Replacement)> identities,
        IReadOnlyDictionary<double, MathNode>? numbers = null)
    {
        _substitutions = substitutions;
        _identities = identities;
        _numbers = numbers ?? new Dictionary<double, MathNode>();
    }

    public Polynomial Build(MathNode node) => Rewrite(BuildCore(node, substitute: true));

    private Polynomial BuildCore(MathNode node, bool substitute)
    {
        switch (node)
        {
            case SymNode s:
                if (substitute && _substitutions.TryGetValue(s.Name, out var replacement))
                    return BuildCore(replacement, substitute: false);
                if (s.Name == "I" || s.Name.StartsWith("I_{", StringComparison.Ordinal) || s.Name == "\\mathbb{I}")
                    return Polynomial.Of(Atom.Identity);
                return Polynomial.Of(new Atom(s.Name, Simple: true));
            case NumNode n:
                if (substitute && _numbers.TryGetValue(n.Value, out var number))
                    return BuildCore(number, substitute: false);
                return Polynomial.Number(n.Value);
            case SumNode sum:
                {
                    // All terms first, one canonicalization: linear in the number of terms.
                    var monomials = new List<Monomial>();
                    for (var i = 0; i < sum.Terms.Length; i++)
                    {
                        var term = BuildCore(sum.Terms[i], substitute);
                        foreach (var m in term.Terms)
                            monomials.Add(sum.Negated[i] ? m with { Coefficient = -m.Coefficient } : m);
                    }
                    return Polynomial.Of(monomials);
                }
            case ProductNode product:
                {
                    // Runs of one-term factors are appended in place; only sums are multiplied out. Past the term
                    // budget the rest of the product is kept as written (one atom), so the work stays linear.
                    var result = Polynomial.Number(1);
                    var coefficient = 1.0;
                    var run = new List<Atom>();
                    bool Flush()
                    {
                        if (run.Count == 0 && coefficient == 1) return true;
                        var single = Polynomial.Of([new Monomial(coefficient, [.. run])]);
                        run.Clear();
                        coefficient = 1;
                        var next = result.Multiply(single);
                        if (next is null) return false;
                        result = next;
                        return true;
                    }
                    for (var i = 0; i < product.Factors.Length; i++)
                    {
                        var f = BuildCore(product.Factors[i], substitute);
                        if (f.Terms.Length == 1)
                        {
                            coefficient *= f.Terms[0].Coefficient;
                            run.AddRange(f.Terms[0].Atoms);
                            continue;
                        }
                        var expanded = Flush() ? result.Multiply(f) : null;
                        if (expanded is null)
                        {
                            var rest = product.Factors.Skip(i + 1).Select(x => "(" + BuildCore(x, substitute).Key + ")");
                            return Polynomial.Of(new Atom(string.Join(" ", new[] { "(" + result.Key + ")", "(" + f.Key + ")" }.Concat(rest))));
                        }
                        result = expanded;
                    }
                    if (!Flush()) return Polynomial.Of(new Atom("(" + result.Key + ")"));
                    return Rewrite(result);
                }
            case TransposeNode t:
                return BuildCore(t.Operand, substitute).Transpose();
            case PowerNode power:
                return BuildPower(power, substitute);
            case FracNode frac:
                {
                    var numerator = BuildCore(frac.Numerator, substitute);
                    var denominator = BuildCore(frac.Denominator, substitute);
                    if (denominator.Constant is { } c && c != 0) return numerator.Scale(1 / c);
                    return Polynomial.Of(new Atom("\\frac{" + numerator.Key + "}{" + denominator.Key + "}"));
                }
            case ApplyNode apply:
                return BuildApply(apply, substitute);
            case NormNode norm:
                {
                    var inner = BuildCore(norm.Operand, substitute).Key;
                    // \lVert … \rVert: distinct opener and closer, so nested norms print unambiguously.
                    var text = norm.Kind == "abs" ? "\\lvert " + inner + " \\rvert"
                        : "\\lVert " + inner + " \\rVert" + (norm.Kind.Length > 0 ? "_{" + norm.Kind + "}" : "");
                    return Polynomial.Of(new Atom(text, Scalar: true));
                }
            case OpaqueNode o:
                return Polynomial.Of(new Atom(o.Text));
            default:
                return Polynomial.Of(new Atom("?"));
        }
    }

    private Polynomial BuildPower(PowerNode power, bool substitute)
    {
        var basis = BuildCore(power.Base, substitute);
        var exponent = BuildCore(power.Exponent, substitute);
        if (exponent.Constant is { } n && n == Math.Floor(n) && n >= 0 && n <= 8)
        {
            var result = Polynomial.Number(1);
            for (var i = 0; i < (int)n; i++)
                result = result.Multiply(basis) ?? Polynomial.Of(new Atom("(" + basis.Key + ")^{" + exponent.Key + "}"));
            return result;
        }
        // (Aᵀ)⁻¹ and (A⁻¹)ᵀ are the same atom: the transpose stays outside.
        if (basis.SingleAtom is { } atom)
        {
            var inner = atom with { Transposed = false };
            var text = (inner.Simple ? inner.Key : "(" + inner.Key + ")") + "^{" + exponent.Key + "}";
            return Polynomial.Of(new Atom(text, atom.Transposed, atom.Scalar));
        }
        return Polynomial.Of(new Atom("(" + basis.Key + ")^{" + exponent.Key + "}"));
    }

    private Polynomial BuildApply(ApplyNode apply, bool substitute)
    {
        var argument = Rewrite(BuildCore(apply.Argument, substitute));
        if (apply.Function == "tr")
        {
            // Linear, invariant under transpose and cyclic rotation: each monomial becomes its smallest rotation.
            return Polynomial.Of(argument.Terms.Select(m =>
                new Monomial(m.Coefficient, [new Atom("\\operatorname{tr}(" + CanonicalTrace(m.Atoms) + ")", Scalar: true)])));
        }
        if (apply.Function == "'" && argument.SingleAtom is { Simple: true, Transposed: false } primed)
            return Polynomial.Of(new Atom(primed.Base + "'", Simple: true)); // (X)' is X'
        var scalar = apply.Function is "det" or "rank";
        var text = apply.Function switch
        {
            "sqrt" => "\\sqrt{" + argument.Key + "}",
            "'" => "(" + argument.Key + ")'",
            "!" => "(" + argument.Key + ")!",
            _ when apply.Function.StartsWith('\\') => apply.Function + " (" + argument.Key + ")",
            _ => "\\operatorname{" + apply.Function + "}(" + argument.Key + ")",
        };
        return Polynomial.Of(new Atom(text, Scalar: scalar));
    }

    private static string CanonicalTrace(Atom[] atoms)
    {
        if (atoms.Length == 0) return "1";
        var scalars = atoms.Where(a => a.Scalar).ToArray();
        var matrices = atoms.Where(a => !a.Scalar).ToArray();
        string Join(IEnumerable<Atom> a) => string.Join(" ", a.Select(x => x.Key));
        string best;
        if (matrices.Length == 0 || matrices.Length > MaxTraceRotation) best = Join(matrices);
        else
        {
            var transposed = matrices.Reverse().Select(a => a.Transpose()).ToArray();
            best = Join(matrices);
            foreach (var seq in new[] { matrices, transposed })
            {
                for (var r = 0; r < seq.Length; r++)
                {
                    var candidate = Join(seq.Skip(r).Concat(seq.Take(r)));
                    if (string.CompareOrdinal(candidate, best) < 0) best = candidate;
                }
            }
        }
        return scalars.Length == 0 ? best : Join(scalars) + " " + best;
    }

    /// <summary>Applies the declared identities (pattern → replacement) until nothing changes, a bounded number of times.</summary>
    private Polynomial Rewrite(Polynomial p)
    {
        if (_identities.Count == 0) return p;
        for (var pass = 0; pass < MaxRewritePasses; pass++)
        {
            var changed = false;
            var terms = new List<Monomial>();
            foreach (var m in p.Terms)
            {
                var rewritten = RewriteMonomial(m);
                if (rewritten is null) terms.Add(m);
                else
                {
                    changed = true;
                    terms.AddRange(rewritten.Terms);
                }
            }
            if (!changed) return p;
            p = Polynomial.Of(terms);
        }
        return p;
    }

    private Polynomial? RewriteMonomial(Monomial m)
    {
        foreach (var (pattern, replacement) in _identities)
        {
            for (var i = 0; i + pattern.Length <= m.Atoms.Length; i++)
            {
                var match = true;
                for (var k = 0; k < pattern.Length && match; k++) match = m.Atoms[i + k] == pattern[k];
                if (!match) continue;
                var prefix = Polynomial.Of([new Monomial(m.Coefficient, m.Atoms[..i])]);
                var suffix = Polynomial.Of([new Monomial(1, m.Atoms[(i + pattern.Length)..])]);
                var result = prefix.Multiply(replacement)?.Multiply(suffix);
                if (result is not null) return result;
            }
        }
        return null;
    }
}
