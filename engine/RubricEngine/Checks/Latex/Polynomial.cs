using System.Globalization;
using System.Text;

namespace RubricEngine.Checks.Latex;

/// <summary>
/// The normal form of an expression: a sum of monomials over non-commuting matrices, like terms combined,
/// sorted by key. Two expressions with the same <see cref="Key"/> are equal as matrix polynomials.
/// </summary>
internal sealed class Polynomial
{
    public const int MaxTerms = 256;

    public static readonly Polynomial Zero = new([]);

    private Polynomial(Monomial[] terms) => Terms = terms;

    public Monomial[] Terms { get; }

    public bool IsZero => Terms.Length == 0;

    /// <summary>The number when the polynomial is a constant; null otherwise.</summary>
    public double? Constant => Terms.Length == 0 ? 0 : Terms.Length == 1 && Terms[0].Atoms.Length == 0 ? Terms[0].Coefficient : null;

    /// <summary>The single atom when the polynomial is exactly one atom with coefficient 1.</summary>
    public Atom? SingleAtom => Terms.Length == 1 && Terms[0].Coefficient == 1 && Terms[0].Atoms.Length == 1 ? Terms[0].Atoms[0] : null;

    // Printed once: keys are compared over and over (like terms, equality differences, answer matching).
    private string? _key;

    public string Key => _key ??= LatexPrinter.Print(this);

    public static Polynomial Number(double value) => Of([new Monomial(value, [])]);

    public static Polynomial Of(Atom atom) => Of([new Monomial(1, [atom])]);

    /// <summary>Combines like terms, drops zeros, puts scalar atoms first and sorts: the canonical form.</summary>
    public static Polynomial Of(IEnumerable<Monomial> monomials)
    {
        var combined = new Dictionary<string, Monomial>(StringComparer.Ordinal);
        foreach (var m in monomials)
        {
            var atoms = Canonical(m.Atoms);
            if (atoms is null) continue; // a product with zero
            var normalized = new Monomial(Round(m.Coefficient), atoms);
            var key = normalized.Key;
            combined[key] = combined.TryGetValue(key, out var existing)
                ? existing with { Coefficient = Round(existing.Coefficient + normalized.Coefficient) }
                : normalized;
        }
        // Keys are unique in the dictionary, so sorting by key alone gives the same order as key-then-coefficient.
        var terms = new List<(string Key, Monomial Term)>(combined.Count);
        foreach (var (key, m) in combined)
            if (m.Coefficient != 0 && double.IsFinite(m.Coefficient)) terms.Add((key, m));
        terms.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var result = new Monomial[terms.Count];
        for (var i = 0; i < result.Length; i++) result[i] = terms[i].Term;
        return new Polynomial(result);
    }

    private static Atom[]? Canonical(Atom[] atoms)
    {
        var scalars = atoms.Where(a => a.Scalar).OrderBy(a => a.Key, StringComparer.Ordinal);
        // An empty group "()" is no factor at all.
        var matrices = atoms.Where(a => !a.Scalar && a.Base.Length > 0).ToList();
        var hadIdentity = matrices.Remove(Atom.Identity);
        while (matrices.Remove(Atom.Identity)) { }
        // A product with the identity drops it; the identity alone stays (I is not the number 1).
        if (hadIdentity && matrices.Count == 0) matrices.Add(Atom.Identity);
        return [.. scalars, .. matrices];
    }

    /// <summary>12 significant digits: 3 · (1/3) is 1.</summary>
    private static double Round(double value) =>
        value == 0 || !double.IsFinite(value) ? value : double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public Polynomial Add(Polynomial other) => Of(Terms.Concat(other.Terms));

    public Polynomial Negate() => Scale(-1);

    public Polynomial Subtract(Polynomial other) => Add(other.Negate());

    public Polynomial Scale(double factor) => Of(Terms.Select(t => t with { Coefficient = t.Coefficient * factor }));

    /// <summary>The product in order, or null when it would have more than <see cref="MaxTerms"/> terms.</summary>
    public Polynomial? Multiply(Polynomial other)
    {
        if (Terms.Length * (long)other.Terms.Length > MaxTerms) return null;
        var result = new List<Monomial>(Terms.Length * other.Terms.Length);
        foreach (var a in Terms)
            foreach (var b in other.Terms)
                result.Add(new Monomial(a.Coefficient * b.Coefficient, [.. a.Atoms, .. b.Atoms]));
        return Of(result);
    }

    /// <summary>(AB)ᵀ = BᵀAᵀ, (A + B)ᵀ = Aᵀ + Bᵀ: transposes end up on the atoms.</summary>
    public Polynomial Transpose() =>
        Of(Terms.Select(t => new Monomial(t.Coefficient, t.Atoms.Reverse().Select(a => a.Transpose()).ToArray())));
}
