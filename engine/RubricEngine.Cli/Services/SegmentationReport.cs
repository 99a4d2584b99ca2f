using System.Text.Json;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;

namespace RubricEngine.Cli.Services;

/// <summary>What <c>rubric show</c> prints, as text or JSON, from the segmenter's own outline.</summary>
internal static class SegmentationReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IReadOnlyList<QuestionOutline> Build(TraceAnalysis analysis) =>
        SegmentationOutline.Build(analysis.Segmentation, analysis.Documents);

    /// <summary>
    /// <c>[{"question": "3.b.i", "attempts": [{"attempt": 1, "message": 1, "startLine": 3, "endLine": 31,
    /// "followUp": false, "confidence": "high", "reason": "marker '3(b)(i)' in the prompt"}]}]</c>, messages counted
    /// from 0 in the trace's <c>messages</c>. A follow-up carries the number of the attempt it follows up on.
    /// </summary>
    public static string ToJson(IReadOnlyList<QuestionOutline> questions) =>
        JsonSerializer.Serialize(questions.Select(q => new
        {
            question = q.Question.Value,
            attempts = q.Attempts.Select(a => new
            {
                attempt = a.Attempt,
                message = a.MessageIndex,
                startLine = a.StartLine,
                endLine = a.EndLine,
                followUp = a.FollowUp,
                confidence = a.Confidence == AttributionConfidence.High ? "high" : "low",
                reason = a.Reason,
            }),
        }), Indented);

    /// <summary>A line of an <c>--attribution</c> file: "trace-id,message,question", the id quoted when it needs it.</summary>
    public static string FixLine(Traces.Trace trace, int message, string question)
    {
        var id = trace.Id;
        if (id.IndexOfAny([',', '"', '\n', '\r']) >= 0 || id.StartsWith('#')) id = "\"" + id.Replace("\"", "\"\"") + "\"";
        return $"{id},{message},{question}";
    }
}
