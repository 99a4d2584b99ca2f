using RubricEngine.Documents;
using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>A trace with its parsed messages and segmentation: what the grader hands to every rule.</summary>
public sealed class TraceAnalysis
{
    public TraceAnalysis(Trace trace, IReadOnlyList<MessageDocument> documents, TraceSegmentation segmentation, IReadOnlyList<SourceText> rubricSources)
    {
        Trace = trace;
        Documents = documents;
        Segmentation = segmentation;
        RubricSources = rubricSources;
        Answers = segmentation.Answers.Select(s => new Answer(this, s)).ToList();
    }

    public Trace Trace { get; }

    /// <summary>One parsed document per message, same order as <see cref="Trace.Messages"/>.</summary>
    public IReadOnlyList<MessageDocument> Documents { get; }

    public TraceSegmentation Segmentation { get; }

    public IReadOnlyList<SourceText> RubricSources { get; }

    /// <summary>Every answer, in segmentation order.</summary>
    public IReadOnlyList<Answer> Answers { get; }

    // Which attempt counts per question, set by the grader as soon as it is known (null: not known yet, so every
    // attempt counts as graded). One analysis is graded by one thread.
    private IReadOnlyDictionary<QuestionPath, int>? _gradedAttempts;

    internal void SetGradedAttempts(IReadOnlyDictionary<QuestionPath, int>? gradedAttempts) => _gradedAttempts = gradedAttempts;

    internal bool IsGradedAttempt(QuestionPath question, int attempt) =>
        _gradedAttempts is null || !_gradedAttempts.TryGetValue(question, out var graded) || graded == attempt;

    /// <summary>The location of <paramref name="span"/> in message <paramref name="messageIndex"/>.</summary>
    public Location LocationOf(int messageIndex, TextSpan span)
    {
        var lines = Documents[messageIndex].Lines;
        return new Location(Trace.File, messageIndex, span, lines.GetPosition(span.Start), lines.GetPosition(span.End));
    }
}
