using RubricEngine.Documents;
using RubricEngine.Traces;

namespace RubricEngine.Segmentation;

/// <summary>
/// Finds which blocks of which assistant messages answer which question, on which attempt.
/// PLACEHOLDER: attributes each assistant message to the question named by its first heading; the real
/// segmenter replaces this.
/// </summary>
public sealed class Segmenter(SegmenterOptions options)
{
    public SegmenterOptions Options { get; } = options;

    public TraceSegmentation Segment(Trace trace, IReadOnlyList<MessageDocument> documents)
    {
        var answers = new List<AnswerSegment>();
        var attempts = new Dictionary<QuestionPath, int>();
        foreach (var message in trace.Messages)
        {
            if (message.Role != Role.Assistant || Options.Questions.Count == 0) continue;
            var doc = documents[message.Index];
            if (doc.Blocks.Count == 0) continue;
            var q = Options.Questions[0];
            attempts[q] = attempts.GetValueOrDefault(q) + 1;
            answers.Add(new AnswerSegment(q, attempts[q], message.Index, doc.Blocks));
        }
        return new TraceSegmentation(answers);
    }
}
