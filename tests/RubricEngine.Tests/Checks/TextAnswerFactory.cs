using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Checks;

/// <summary>
/// Builds <see cref="Answer"/>s the way the grader does: the assistant's Markdown goes through the real parser, a
/// trace holds the prompt and sources, and the answer comes out of a <see cref="TraceAnalysis"/>.
/// </summary>
internal static class TextAnswerFactory
{
    public const string DefaultPrompt = "Please answer the homework question.";

    /// <summary>
    /// One assistant reply answering <paramref name="question"/>. A closing table (with the heading right before
    /// it) is a summary that restates the answer, as the segmenter marks it: it goes to
    /// <see cref="AnswerSegment.Restatements"/>, not <see cref="Answer.Blocks"/>.
    /// </summary>
    public static Answer Answer(
        string markdown,
        string question = "4.a",
        string prompt = DefaultPrompt,
        IReadOnlyList<SourceText>? traceSources = null,
        IReadOnlyList<SourceText>? rubricSources = null,
        bool trailingTableIsSummary = true) =>
        Analyze([prompt, markdown], question, traceSources, rubricSources, trailingTableIsSummary).Answers.Single();

    /// <summary>A trace alternating user and assistant messages (user first); each assistant message answers <paramref name="question"/>.</summary>
    public static TraceAnalysis Analyze(
        IReadOnlyList<string> turns,
        string question = "4.a",
        IReadOnlyList<SourceText>? traceSources = null,
        IReadOnlyList<SourceText>? rubricSources = null,
        bool trailingTableIsSummary = true)
    {
        var messages = turns.Select((content, i) => new Message(i, i % 2 == 0 ? Role.User : Role.Assistant, content, null, [], [], null)).ToList();
        var trace = new Trace("t1", "hw7", new Student("s1", "Ana"), "gpt-test", traceSources ?? [], messages) { File = "ana.json" };
        var documents = messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToList();
        var segments = new List<AnswerSegment>();
        foreach (var m in messages.Where(m => m.Role == Role.Assistant))
        {
            var blocks = documents[m.Index].Blocks.ToList();
            var restated = new List<Block>();
            if (trailingTableIsSummary && blocks.Count > 1 && blocks[^1].Kind == BlockKind.Table)
            {
                var from = blocks.Count - 1;
                if (from > 1 && blocks[from - 1].Kind == BlockKind.Heading) from--;
                restated = blocks.GetRange(from, blocks.Count - from);
                blocks.RemoveRange(from, blocks.Count - from);
            }
            segments.Add(new AnswerSegment(new QuestionPath(question), segments.Count + 1, m.Index, blocks) { Restatements = restated });
        }
        return new TraceAnalysis(trace, documents, new TraceSegmentation(segments), rubricSources ?? []);
    }

    /// <summary>The text of <paramref name="evidence"/> in the answer's message.</summary>
    public static string TextOf(this Answer answer, Evidence evidence) => answer.Document.Slice(evidence.Span);
}
