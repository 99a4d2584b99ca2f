using RubricEngine.Documents;
using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>
/// One attempt at one question, as a check sees it: the blocks of the assistant message that answer it, the
/// whole trace around it, and the material numbers are grounded in.
/// </summary>
public sealed class Answer
{
    private readonly TraceAnalysis _analysis;

    internal Answer(TraceAnalysis analysis, AnswerSegment segment)
    {
        _analysis = analysis;
        Segment = segment;
        Document = analysis.Documents[segment.MessageIndex];
        Text = segment.Blocks.Count == 0 ? "" : Document.Slice(segment.Span);
    }

    /// <summary>Which blocks of which message, on which attempt.</summary>
    public AnswerSegment Segment { get; }

    /// <summary>The question answered: <c>3.b.ii</c>.</summary>
    public QuestionPath Question => Segment.Question;

    /// <summary>The attempt, counted from 1.</summary>
    public int Attempt => Segment.Attempt;

    /// <summary>
    /// True when this attempt's points count for its question under the rubric's policy (<c>r.Grade(...)</c>):
    /// attempt 1 under <see cref="Rubrics.Attempt.First"/>, the last attempt under <see cref="Rubrics.Attempt.Last"/>,
    /// and under <see cref="Rubrics.Attempt.Best"/> the attempt whose criteria earned the most points on the question
    /// (ties to the earlier one). Under Best that is known only once the question's criteria are scored: custom
    /// rules, which run after the criteria, see the final value; a criterion's own check sees true on every attempt.
    /// Findings a custom rule reports on an attempt that does not count cost nothing.
    /// </summary>
    public bool IsGradedAttempt => _analysis.IsGradedAttempt(Question, Attempt);

    /// <summary>The message the answer is in (index from 0 in the trace's messages).</summary>
    public Message Message => Trace.Messages[Segment.MessageIndex];

    /// <summary>The whole trace.</summary>
    public Trace Trace => _analysis.Trace;

    /// <summary>The parsed content of <see cref="Message"/>.</summary>
    public MessageDocument Document { get; }

    /// <summary>The answer's blocks, without a closing summary table that restates it.</summary>
    public IReadOnlyList<Block> Blocks => Segment.Blocks;

    /// <summary>The answer's Markdown source text, from its first block to its last.</summary>
    public string Text { get; }

    /// <summary>Where the answer stands in its message.</summary>
    public TextSpan Span => Segment.Span;

    /// <summary>Every answer of the trace, for checks that look back at earlier parts.</summary>
    public TraceSegmentation Segmentation => _analysis.Segmentation;

    /// <summary>Reference texts declared by the rubric with <c>r.Source(...)</c>.</summary>
    public IReadOnlyList<SourceText> RubricSources => _analysis.RubricSources;

    /// <summary>
    /// Everything a number in this answer may be grounded in: the trace's user messages (and their attachments),
    /// the trace's sources, and the rubric's sources.
    /// </summary>
    public IEnumerable<string> GroundingTexts
    {
        get
        {
            foreach (var m in Trace.Messages)
            {
                if (m.Role != Role.User) continue;
                yield return m.Content;
                foreach (var a in m.Attachments)
                    if (a.Text is { } t) yield return t;
            }
            foreach (var s in Trace.Sources) yield return s.Text;
        }
    }

    /// <summary>
    /// The latest answer to <paramref name="question"/> given before this one (or earlier in the same message),
    /// or null when the trace has none.
    /// </summary>
    public Answer? Earlier(QuestionPath question)
    {
        AnswerSegment? best = null;
        foreach (var a in _analysis.Segmentation.Answers)
        {
            if (a.Question != question) continue;
            var before = a.MessageIndex < Segment.MessageIndex
                || (a.MessageIndex == Segment.MessageIndex && a.Span.Start < Segment.Span.Start);
            if (before && (best is null || a.MessageIndex >= best.MessageIndex)) best = a;
        }
        return best is null ? null : new Answer(_analysis, best);
    }

    /// <summary>The location of <paramref name="span"/> of this answer's message, for a finding.</summary>
    public Location LocationOf(TextSpan span) => _analysis.LocationOf(Segment.MessageIndex, span);

    public override string ToString() => $"{Question} attempt {Attempt} (message {Segment.MessageIndex})";
}
