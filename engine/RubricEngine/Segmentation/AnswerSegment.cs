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
