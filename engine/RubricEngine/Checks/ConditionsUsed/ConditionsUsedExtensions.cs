using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>Rubric script API of RE0005 ConditionsUsed.</summary>
public static class ConditionsUsedExtensions
{
    /// <summary>
    /// RE0005: the answer must use the conditions stated in the answer to <paramref name="from"/> (its labeled,
    /// boxed or "= 0" equations), written out with the substitutions applied:
    /// <c>.ConditionsUsed(from: "3.b.i", substitute: [("W_1", @"U_k^\top"), ("W_2", "U_k")])</c> or, positionally,
    /// <c>.ConditionsUsed("3.b.i", ("W_1", @"U_k^\top"), ("W_2", "U_k"))</c>. Each condition is an equal share:
    /// full when its substituted equation appears (sides in any order, rearranged or scaled), half when it is only
    /// cited ("from (1)"), nothing otherwise. Identities such as <c>U_k^\top U_k = I</c> earn nothing.
    /// </summary>
    /// <param name="criterion">The criterion.</param>
    /// <param name="from">The earlier question (<c>3.b.i</c>).</param>
    /// <param name="substitute">Variable → TeX replacement pairs.</param>
    public static QuestionBuilder ConditionsUsed(this CriterionBuilder criterion, string from, params (string Variable, string Replacement)[] substitute) =>
        criterion.Check(new ConditionsUsedCheck(from, substitute));

    /// <summary>RE0005 with a chosen credit (0 to 1) for a condition that is cited but not written out (default 0.5).</summary>
    public static QuestionBuilder ConditionsUsed(this CriterionBuilder criterion, string from, double referenceCredit, params (string Variable, string Replacement)[] substitute) =>
        criterion.Check(new ConditionsUsedCheck(from, substitute, referenceCredit));
}
