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

    /// <summary>The span from the first block's start to the last block's end, in the message.</summary>
    public TextSpan Span => Blocks.Count == 0
        ? new TextSpan(0, 0)
        : TextSpan.FromBounds(Blocks[0].Span.Start, Blocks[^1].Span.End);
}

/// <summary>Every answer found in one trace, in message then question order.</summary>
public sealed record TraceSegmentation(IReadOnlyList<AnswerSegment> Answers)
{
    /// <summary>The questions answered, in reading order.</summary>
    public IEnumerable<QuestionPath> Questions =>
        Answers.Select(a => a.Question).Distinct().Order(QuestionPathComparer.Instance);

    /// <summary>The attempts at <paramref name="question"/>, first to last.</summary>
    public IReadOnlyList<AnswerSegment> AttemptsAt(QuestionPath question) =>
        Answers.Where(a => a.Question == question).OrderBy(a => a.Attempt).ToList();
}

/// <summary>What the segmenter knows from the rubric: the questions and the names problems go by.</summary>
public sealed record SegmenterOptions
{
    /// <summary>The questions the rubric grades; answers are attributed to the closest of these.</summary>
    public IReadOnlyList<QuestionPath> Questions { get; init; } = [];

    /// <summary>Titles a question is known by ("Machine Translation" → mt), matched case-insensitively.</summary>
    public IReadOnlyDictionary<string, QuestionPath> Aliases { get; init; } = new Dictionary<string, QuestionPath>();
}
