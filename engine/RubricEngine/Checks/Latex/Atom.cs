using System.Globalization;
using System.Text;

namespace RubricEngine.Checks.Latex;

/// <summary>
/// A factor of a monomial: a variable, a trace, a norm, or anything kept whole (a fraction with a symbolic
/// denominator, an inverse). <see cref="Scalar"/> atoms (traces, norms) commute with everything.
/// </summary>
internal sealed record Atom(string Base, bool Transposed = false, bool Scalar = false, bool Simple = false)
{
    public static readonly Atom Identity = new("I", Simple: true);

    public string Key => !Transposed ? Base : Simple ? Base + "^{\\top}" : "(" + Base + ")^{\\top}";

    public Atom Transpose() => Scalar || this == Identity ? this : this with { Transposed = !Transposed };
}
