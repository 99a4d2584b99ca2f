using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>The <c>.NumbersGrounded(...)</c> and <c>.IdentifiersGrounded(...)</c> checks for rubric scripts (RE0002, RE0003).</summary>
public static class NumbersGroundedExtensions
{
    /// <summary>
    /// RE0002 — every number the answer states is in the sources: the trace's prompts, attachments and sources and
    /// the rubric's <c>r.Source(...)</c> files. Units are converted (341 s grounds "~6 minutes"), "~"/"about"/"roughly"
    /// allow rounding, and labels ("Step 3", "(1)", "Problem 4", "4.b") are not numbers. Points are in proportion
    /// to the numbers grounded; each invented number is marked ("~18 hours is not in the sources.").
    /// Names with digits that are not in the sources (V100, ResNet-50) are noted as RE0003 at no cost.
    /// </summary>
    /// <param name="criterion">The criterion to judge.</param>
    /// <param name="allow">Names with digits that are common knowledge: <c>allow: ["GPT-4", "ImageNet"]</c>.</param>
    /// <param name="includeMath">Also read numbers inside formulas (a formula that is just a quantity always counts).</param>
    /// <param name="strict">No points at all as soon as one number is not grounded.</param>
    /// <param name="checkIdentifiers">Note ungrounded names with digits (RE0003); false to skip.</param>
    /// <example><code>.Criterion("HW7-03", "Numbers grounded in the blog", 2).NumbersGrounded()</code></example>
    public static QuestionBuilder NumbersGrounded(this CriterionBuilder criterion, string[]? allow = null,
        bool includeMath = false, bool strict = false, bool checkIdentifiers = true) =>
        criterion.Check(new NumbersGroundedCheck(new NumbersGroundedOptions
        {
            Allow = allow ?? [],
            IncludeMath = includeMath,
            Strict = strict,
            CheckIdentifiers = checkIdentifiers,
        }));

    /// <summary>
    /// RE0003 on its own — notes every name with digits (V100, ResNet-50, p3.2xlarge) and year that the sources do
    /// not contain. Notes only: the criterion always keeps its points.
    /// </summary>
    /// <param name="criterion">The criterion to judge.</param>
    /// <param name="allow">Names that are common knowledge and need no source.</param>
    public static QuestionBuilder IdentifiersGrounded(this CriterionBuilder criterion, params string[] allow) =>
        criterion.Check(new UngroundedIdentifierCheck(allow));
}
