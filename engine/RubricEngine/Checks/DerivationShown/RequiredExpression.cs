using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>
/// An intermediate expression a derivation must show, in TeX, matched after normalization; <see cref="Name"/> is
/// how the comment names it ("the expansion of the Frobenius norm as a trace").
/// </summary>
/// <param name="Latex">The expression (<c>\operatorname{tr}((X - W_2W_1X)^\top(X - W_2W_1X))</c>) or an equation.</param>
/// <param name="Name">How a student reads it in the comment; defaults to the TeX itself.</param>
public sealed record RequiredExpression(string Latex, string? Name = null)
{
    /// <summary>Other forms that count as well (any of them, or <see cref="Latex"/>, is enough): <c>\Theta(n)</c> or <c>cn</c>.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>Every accepted form, <see cref="Latex"/> first.</summary>
    public IEnumerable<string> Forms => [Latex, .. Alternatives];

    /// <summary>
    /// An expression that may be written in any of several forms:
    /// <c>RequiredExpression.AnyOf("the linear bound", @"\Theta(n)", "cn")</c>.
    /// </summary>
    public static RequiredExpression AnyOf(string? name, params string[] forms)
    {
        if (forms.Length == 0) throw new RubricDefinitionException("RequiredExpression.AnyOf: give at least one form, e.g. AnyOf(\"the bound\", @\"\\Theta(n)\", \"cn\").");
        return new RequiredExpression(forms[0], name) { Alternatives = forms[1..] };
    }

    /// <summary>The name used in comments.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? "$" + Latex + "$" : Name;
}
