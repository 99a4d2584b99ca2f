using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>Rubric script API of RE0004 DerivationShown.</summary>
public static class DerivationShownExtensions
{
    /// <summary>
    /// RE0004: the answer must show at least <paramref name="minSteps"/> steps before its result (chained or
    /// connected equations, "Step 2:" markers, justified steps), and the expression <paramref name="requires"/>
    /// when given: <c>.DerivationShown(minSteps: 3, requires: @"\operatorname{tr}((X - W_2W_1X)^\top(X - W_2W_1X))",
    /// named: "the expansion of the Frobenius norm as a trace")</c>. Score: the share of steps shown
    /// (averaged with the share of required expressions found, when there are any).
    /// </summary>
    /// <param name="criterion">The criterion.</param>
    /// <param name="minSteps">Steps required before the result (at least 1).</param>
    /// <param name="requires">TeX of an intermediate expression (or equation) that must appear, matched after normalization.</param>
    /// <param name="named">How the comment names <paramref name="requires"/> when it is missing.</param>
    public static QuestionBuilder DerivationShown(this CriterionBuilder criterion, int minSteps = 2, string? requires = null, string? named = null) =>
        criterion.Check(new DerivationShownCheck(minSteps, requires is null ? [] : [new RequiredExpression(requires, named)]));

    /// <summary>
    /// RE0004 where the required expression may take any of several forms:
    /// <c>.DerivationShown(minSteps: 2, requires: [@"\Theta(n)", "cn"], named: "the linear bound")</c> — any one of them is enough.
    /// </summary>
    /// <param name="criterion">The criterion.</param>
    /// <param name="minSteps">Steps required before the result (at least 1).</param>
    /// <param name="requires">The accepted forms (TeX), any of which must appear, matched after normalization.</param>
    /// <param name="named">How the comment names the expression when none of its forms is there.</param>
    public static QuestionBuilder DerivationShown(this CriterionBuilder criterion, int minSteps, string[] requires, string? named = null) =>
        criterion.Check(new DerivationShownCheck(minSteps, requires.Length == 0 ? [] : [RequiredExpression.AnyOf(named, requires)]));

    /// <summary>
    /// RE0004 with several required expressions:
    /// <c>.DerivationShown(3, new RequiredExpression(@"\operatorname{tr}(…)", "the trace expansion"), new RequiredExpression(…))</c>.
    /// </summary>
    public static QuestionBuilder DerivationShown(this CriterionBuilder criterion, int minSteps, params RequiredExpression[] requires) =>
        criterion.Check(new DerivationShownCheck(minSteps, requires));
}
