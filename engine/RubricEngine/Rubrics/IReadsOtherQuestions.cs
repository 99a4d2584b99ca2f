using RubricEngine.Segmentation;

namespace RubricEngine.Rubrics;

/// <summary>
/// A check that reads the answers to other questions, like <c>ConditionsUsed(from: "3.b.i")</c>. The rubric
/// refuses to build when one of them is not declared, so a typo is the author's error, not every student's zero.
/// </summary>
public interface IReadsOtherQuestions
{
    /// <summary>The questions whose answers the check reads.</summary>
    IEnumerable<QuestionPath> OtherQuestions { get; }
}
