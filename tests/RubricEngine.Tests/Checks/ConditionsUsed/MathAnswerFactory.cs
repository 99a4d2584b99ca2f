using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Checks;

/// <summary>
/// Builds answers the way the grader does: real Markdown parsing, a trace, one segment per assistant message
/// (the whole message answers the question given with it), a TraceAnalysis.
/// </summary>
internal static class MathAnswerFactory
{
    /// <summary>All answers of a chat whose assistant replies answer the given questions, in order.</summary>
    public static IReadOnlyList<Answer> Chat(params (string Question, string Markdown)[] replies)
    {
        var messages = new List<Message>();
        foreach (var (question, markdown) in replies)
        {
            messages.Add(new Message(messages.Count, Role.User, $"Please solve part {question}.", null, [], [], null));
            messages.Add(new Message(messages.Count, Role.Assistant, markdown, null, [], [], question));
        }
        var trace = new Trace("t1", "hw7", new Student("s1"), "gpt-test", [], messages) { File = "t1.json" };
        var documents = messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToList();
        var attempts = new Dictionary<QuestionPath, int>();
        var segments = new List<AnswerSegment>();
        foreach (var m in messages.Where(m => m.Role == Role.Assistant))
        {
            var q = new QuestionPath(m.Question!);
            attempts[q] = attempts.GetValueOrDefault(q) + 1;
            segments.Add(new AnswerSegment(q, attempts[q], m.Index, documents[m.Index].Blocks));
        }
        return new TraceAnalysis(trace, documents, new TraceSegmentation(segments), []).Answers;
    }

    /// <summary>The only answer of a one-reply chat.</summary>
    public static Answer Single(string question, string markdown) => Chat((question, markdown)).Single();
}
