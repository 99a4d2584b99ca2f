namespace RubricEngine.Checks;

/// <summary>
/// An intermediate expression a derivation must show, in TeX, matched after normalization; <see cref="Name"/> is
/// how the comment names it ("the expansion of the Frobenius norm as a trace").
/// </summary>
/// <param name="Latex">The expression (<c>\operatorname{tr}((X - W_2W_1X)^\top(X - W_2W_1X))</c>) or an equation.</param>
/// <param name="Name">How a student reads it in the comment; defaults to the TeX itself.</param>
public sealed record RequiredExpression(string Latex, string? Name = null)
{
    /// <summary>The name used in comments.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? "$" + Latex + "$" : Name;
}
