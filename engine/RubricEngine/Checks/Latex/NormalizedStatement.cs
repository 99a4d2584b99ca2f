namespace RubricEngine.Checks.Latex;

/// <summary>One statement in normal form: sides joined by relations (<c>=</c>, <c>\Rightarrow</c>, <c>\leq</c>).</summary>
public sealed class NormalizedStatement
{
    private readonly Polynomial?[] _sides;

    internal NormalizedStatement(Polynomial?[] sides, IReadOnlyList<string> relations, string? tag)
    {
        _sides = sides;
        Relations = relations;
        Tag = tag;
        var parts = new List<string>();
        for (var i = 0; i < sides.Length; i++)
        {
            if (i > 0) parts.Add(relations[i - 1]);
            if (sides[i] is { } p) parts.Add(p.Key);
        }
        Text = string.Join(" ", parts) + (tag is null ? "" : " \\tag{" + tag + "}");
    }

    /// <summary>The canonical TeX of each side (empty for a missing side, as in "= 0" alone).</summary>
    public IReadOnlyList<string> Sides => _sides.Select(s => s?.Key ?? "").ToList();

    /// <summary>The relations between consecutive sides.</summary>
    public IReadOnlyList<string> Relations { get; }

    /// <summary>The label from <c>\tag{…}</c> or a trailing <c>(1)</c>, if any.</summary>
    public string? Tag { get; }

    /// <summary>The canonical TeX of the statement.</summary>
    public string Text { get; }

    internal Polynomial? SideAt(int i) => _sides[i];

    internal int SideCount => _sides.Length;

    /// <summary>
    /// For every pair of sides i &lt; j joined only by "=" (a chain a = b = c gives a=b, a=c, b=c): the
    /// normal form of side i minus side j. Capped at 16 sides.
    /// </summary>
    // Computed once per statement: checks match every answer statement against every condition.
    private string[]? _differenceKeys;

    /// <summary>
    /// The scale-free keys (<see cref="AnswerMath.ScaleFreeKey"/>) of <see cref="EqualityDifferences"/>, nulls
    /// (trivial identities) left out, in the same order.
    /// </summary>
    internal IReadOnlyList<string> DifferenceKeys =>
        _differenceKeys ??= EqualityDifferences().Select(AnswerMath.ScaleFreeKey).OfType<string>().ToArray();

    internal IEnumerable<Polynomial> EqualityDifferences()
    {
        var n = Math.Min(_sides.Length, 16);
        for (var i = 0; i < n; i++)
        {
            if (_sides[i] is not { } left) continue;
            for (var j = i + 1; j < n; j++)
            {
                if (Relations[j - 1] != "=") break;
                if (_sides[j] is { } right) yield return left.Subtract(right);
            }
        }
    }

    public override string ToString() => Text;
}
