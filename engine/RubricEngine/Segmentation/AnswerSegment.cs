using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Segmentation;

/// <summary>
/// The blocks of one assistant message that answer one question on one attempt. <see cref="Attempt"/> counts
/// from 1: each later message that answers the same question again is a new attempt.
/// </summary>
public sealed record AnswerSegment(
    QuestionPath Question,
    int Attempt,
    int MessageIndex,
    IReadOnlyList<Block> Blocks)
{
    /// <summary>Blocks of the reply that restate this answer (a closing summary table): shown, never counted.</summary>
    public IReadOnlyList<Block> Restatements { get; init; } = [];

    /// <summary>
    /// True when the message follows up on the current attempt (a short reply to a side question, a reply that
    /// continues the one before it) instead of answering anew: it carries that attempt's number, is shown with it,
    /// and is never graded in its place.
    /// </summary>
    public bool IsFollowUp { get; init; }

    /// <summary>How sure the segmenter is that this text answers <see cref="Question"/>.</summary>
    public AttributionConfidence Confidence { get; init; } = AttributionConfidence.High;

    /// <summary>The evidence the attribution stands on ("marker '3(b)(ii)' in the prompt", "only continuity").</summary>
    public string Reason { get; init; } = "";

    /// <summary>The span from the first block's start to the last block's end, in the message.</summary>
    public TextSpan Span => Blocks.Count == 0
        ? new TextSpan(0, 0)
        : TextSpan.FromBounds(Blocks[0].Span.Start, Blocks[^1].Span.End);
}

/// <summary>How sure an attribution is: low ones are worth a TA's look (<c>rubric show --uncertain</c>).</summary>
public enum AttributionConfidence
{
    /// <summary>A marker, a title, a statement or the trace itself names the question.</summary>
    High,

    /// <summary>Only continuity or weak evidence (a word overlap, a reference in prose) points at the question.</summary>
    Low,
}

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

/// <summary>What the segmenter knows from the rubric: the questions and the names problems go by.</summary>
public sealed record SegmenterOptions
{
    /// <summary>The questions the rubric grades; answers are attributed to the closest of these.</summary>
    public IReadOnlyList<QuestionPath> Questions { get; init; } = [];

    /// <summary>Titles a question is known by ("Machine Translation" → mt), matched case-insensitively.</summary>
    public IReadOnlyDictionary<string, QuestionPath> Aliases { get; init; } = new Dictionary<string, QuestionPath>();

    /// <summary>Each question's title ("First-order optimality conditions"), matched word by word in prompts and headings.</summary>
    public IReadOnlyDictionary<QuestionPath, string> Titles { get; init; } = new Dictionary<QuestionPath, string>();

    /// <summary>Each question's text as the homework states it, matched against text a student pastes into a prompt.</summary>
    public IReadOnlyDictionary<QuestionPath, string> Statements { get; init; } = new Dictionary<QuestionPath, string>();
}

/// <summary>A reply that declined to answer <see cref="Question"/> (asked by its prompt), in message <see cref="MessageIndex"/>.</summary>
public sealed record DeclinedReply(QuestionPath Question, int MessageIndex);
