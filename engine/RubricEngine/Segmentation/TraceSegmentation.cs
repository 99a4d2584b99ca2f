using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Segmentation;

/// <summary>Every answer found in one trace, in message then question order.</summary>
public sealed record TraceSegmentation(IReadOnlyList<AnswerSegment> Answers)
{
    /// <summary>
    /// Replies that declined the question their prompt asked ("I can't open the blog post"): attributed to no
    /// question, and kept here so grading can say the question got a refusal rather than nothing.
    /// </summary>
    public IReadOnlyList<DeclinedReply> Declined { get; init; } = [];

    /// <summary>The questions answered, in reading order.</summary>
    public IEnumerable<QuestionPath> Questions =>
        Answers.Select(a => a.Question).Distinct().Order(QuestionPathComparer.Instance);

    /// <summary>The attempts at <paramref name="question"/>, first to last.</summary>
    public IReadOnlyList<AnswerSegment> AttemptsAt(QuestionPath question) =>
        Answers.Where(a => a.Question == question).OrderBy(a => a.Attempt).ThenBy(a => a.MessageIndex).ToList();
}
