using System.Globalization;
using System.Text;

namespace RubricEngine.Checks.Latex;

/// <summary>Prints normal forms as TeX that parses back to the same normal form (normalization is idempotent).</summary>
internal static class LatexPrinter
{
    public static string Print(Polynomial p)
    {
        if (p.IsZero) return "0";
        var sb = new StringBuilder();
        for (var i = 0; i < p.Terms.Length; i++)
        {
            var m = p.Terms[i];
            var negative = m.Coefficient < 0;
            if (i == 0) { if (negative) sb.Append('-'); }
            else sb.Append(negative ? " - " : " + ");
            var magnitude = Math.Abs(m.Coefficient);
            var atoms = PrintAtoms(m.Atoms);
            if (m.Atoms.Length == 0) sb.Append(FormatNumber(magnitude));
            else
            {
                if (magnitude != 1) sb.Append(FormatNumber(magnitude)).Append(' ');
                sb.Append(atoms);
            }
        }
        return sb.ToString();
    }

    private static string PrintAtoms(Atom[] atoms)
    {
        var parts = new List<string>();
        for (var i = 0; i < atoms.Length;)
        {
            var j = i;
            while (j < atoms.Length && atoms[j] == atoms[i]) j++;
            var count = j - i;
            var key = atoms[i].Key;
            if (count == 1) parts.Add(key);
            else parts.Add((atoms[i] is { Simple: true, Transposed: false } ? key : "(" + key + ")") + "^{" + count.ToString(CultureInfo.InvariantCulture) + "}");
            i = j;
        }
        return string.Join(" ", parts);
    }

    public static string FormatNumber(double value) => value.ToString("G12", CultureInfo.InvariantCulture);

    /// <summary>The canonical text of a node (used for subscripts and names).</summary>
    public static string Key(MathNode node) => Print(PolynomialBuilder.Default.Build(node));

    public static string Print(MathStatement statement) => Print(statement, PolynomialBuilder.Default);

    public static string Print(MathStatement statement, PolynomialBuilder builder)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < statement.Sides.Length; i++)
        {
            if (i > 0) sb.Append(' ').Append(statement.Relations[i - 1]).Append(' ');
            var side = statement.Sides[i];
            sb.Append(side is OpaqueNode { Text: "" } ? "" : Print(builder.Build(side)));
        }
        if (statement.Tag is not null) sb.Append(" \\tag{").Append(statement.Tag).Append('}');
        return sb.ToString().Trim();
    }
}
