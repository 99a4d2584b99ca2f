namespace RubricEngine.Checks.Latex;

/// <summary>A formula in normal form: its statements, and whether some of it was too deeply nested to read.</summary>
public sealed class NormalizedMath
{
    internal NormalizedMath(IReadOnlyList<NormalizedStatement> statements, bool truncated)
    {
        Statements = statements;
        Truncated = truncated;
        Text = string.Join(", ", statements.Select(s => s.Text));
    }

    /// <summary>The statements: <c>a = b</c>, <c>c \Rightarrow d</c>, a bare expression.</summary>
    public IReadOnlyList<NormalizedStatement> Statements { get; }

    /// <summary>True when input nested deeper than the parser reads was kept as <c>\text{[too deeply nested]}</c>.</summary>
    public bool Truncated { get; }

    /// <summary>The canonical TeX.</summary>
    public string Text { get; }

    public override string ToString() => Text;
}
