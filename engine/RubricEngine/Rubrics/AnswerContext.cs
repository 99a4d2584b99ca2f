using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>The context of an answer callback.</summary>
public sealed class AnswerContext : ReportingContext
{
    internal AnswerContext(RuleDescriptor rule, TraceAnalysis analysis, List<Finding> findings, Answer answer)
        : base(rule, analysis, findings) => Answer = answer;

    /// <summary>The answer.</summary>
    public Answer Answer { get; }

    /// <summary>The question it answers.</summary>
    public QuestionPath Question => Answer.Question;

    /// <summary>True when this attempt's points count (see <see cref="Rubrics.Answer.IsGradedAttempt"/>); findings on other attempts cost nothing.</summary>
    public bool IsGradedAttempt => Answer.IsGradedAttempt;

    private protected override Finding Describe(Finding finding) => finding with
    {
        Question = Answer.Question,
        Attempt = Answer.Attempt,
        IsGradedAttempt = Answer.IsGradedAttempt,
    };
}
