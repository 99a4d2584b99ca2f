using System.Text.Json;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;

namespace RubricEngine.Cli.Services;

/// <summary>One attempt of <c>rubric show</c>: where the answer stands and how it starts.</summary>
public sealed record ShownAttempt(int Attempt, int Message, int StartLine, int EndLine, string FirstWords);

/// <summary>One question of <c>rubric show</c> with its attempts.</summary>
public sealed record ShownQuestion(string Question, IReadOnlyList<ShownAttempt> Attempts);

/// <summary>Turns a trace's segmentation into what <c>rubric show</c> prints, as text or JSON.</summary>
public static class SegmentationReport
{
    private const int FirstWordCount = 8;

    public static IReadOnlyList<ShownQuestion> Build(TraceAnalysis analysis) =>
        analysis.Segmentation.Questions
            .Select(q => new ShownQuestion(q.Value, analysis.Segmentation.AttemptsAt(q).Select(a => Describe(analysis, a)).ToList()))
            .ToList();

    private static ShownAttempt Describe(TraceAnalysis analysis, AnswerSegment answer)
    {
        var doc = analysis.Documents[answer.MessageIndex];
        var span = answer.Span;
        var start = doc.Lines.GetPosition(span.Start).Line;
        var end = doc.Lines.GetPosition(Math.Max(span.Start, span.End - 1)).Line;
        return new ShownAttempt(answer.Attempt, answer.MessageIndex, start, end, FirstWords(answer.Blocks));
    }

    private static string FirstWords(IReadOnlyList<Block> blocks)
    {
        var words = blocks.SelectMany(b => b.PlainText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Take(FirstWordCount + 1).ToList();
        var text = string.Join(' ', words.Take(FirstWordCount));
        return words.Count > FirstWordCount ? text + " …" : text;
    }

    public static string ToJson(IReadOnlyList<ShownQuestion> questions)
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };
        return JsonSerializer.Serialize(questions.Select(q => new
        {
            question = q.Question,
            attempts = q.Attempts.Select(a => new { attempt = a.Attempt, message = a.Message, startLine = a.StartLine, endLine = a.EndLine }),
        }), options);
    }
}
