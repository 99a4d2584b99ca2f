using System.Globalization;
using System.Text;

namespace RubricEngine.Checks.Latex;

/// <summary>A coefficient times an ordered product of atoms (scalar atoms first).</summary>
internal sealed record Monomial(double Coefficient, Atom[] Atoms)
{
    public string Key => string.Join(" ", Atoms.Select(a => a.Key));
}
