namespace RubricEngine.Checks.Latex;

/// <summary>
/// What a rubric tells the normalizer: variables to replace by expressions (<c>W_1 := U_k^\top</c>) and identities
/// to apply (<c>U_k^\top U_k = I</c>). Both are off unless declared.
/// </summary>
public sealed record LatexNormalizerOptions
{
    /// <summary>Variable → TeX it stands for: <c>("W_1", @"U_k^\top")</c>. <c>W_1</c> and <c>W_{1}</c> are the same variable.</summary>
    public IReadOnlyList<(string Variable, string Replacement)> Substitutions { get; init; } = [];

    /// <summary>
    /// Identities <c>lhs = rhs</c> used as rewrite rules left to right; the left side must be one product
    /// (<c>U_k^\top U_k = I</c>), the right side any expression.
    /// </summary>
    public IReadOnlyList<string> Identities { get; init; } = [];
}
