using RubricEngine.Cli.Commands;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Cli.Services;

/// <summary>
/// Runs <c>rubric show</c>: prints which text answers which question on which attempt, with each attribution's
/// confidence and reason, and for every low-confidence one the line to paste into an <c>--attribution</c> file.
/// </summary>
internal sealed class ShowService(TextWriter output)
{
    public int Run(ShowSettings settings, RubricDefinition? rubric)
    {
        // Without a rubric the segmenter still finds questions from the markers in the text.
        var definition = rubric ?? new RubricDefinition("(no rubric)", Attempt.First, [], [], [], []);
        var fixes = settings.Attribution is null ? AttributionFixSet.Empty : AttributionFixFile.Read(settings.Attribution, rubric, output);
        var result = new TraceReader().Read([settings.Trace]);
        foreach (var error in result.Errors) output.WriteLine(error.ToString());
        foreach (var skipped in result.Skipped) output.WriteLine(skipped.ToString()); // e.g. a companion file named directly
        if (result.Traces.Count == 0) return ExitCodes.Partial;

        var grader = new Grader(definition, fixes: fixes);
        var shownAny = false;
        foreach (var trace in result.Traces)
        {
            var analysis = grader.Analyze(trace);
            var low = analysis.Segmentation.Answers.Where(a => a.Confidence == AttributionConfidence.Low).ToList();
            if (settings.Uncertain && low.Count == 0) continue;
            shownAny = true;
            var shown = SegmentationReport.Build(analysis);
            if (settings.Json)
            {
                output.WriteLine(SegmentationReport.ToJson(shown));
                continue;
            }
            output.WriteLine($"{trace.File} — {trace.Student.Name ?? trace.Student.Id} ({trace.Messages.Count} messages)");
            if (shown.Count == 0) output.WriteLine("  no answers found");
            foreach (var q in shown)
            {
                output.WriteLine($"  {q.Question}");
                foreach (var a in q.Attempts)
                {
                    var kind = a.FollowUp ? $"attempt {a.Attempt} (follow-up)" : $"attempt {a.Attempt}";
                    var confidence = a.Confidence == AttributionConfidence.High ? "high" : "low";
                    output.WriteLine($"    {kind}: message {a.MessageIndex}, lines {a.StartLine}-{a.EndLine} [{confidence}: {a.Reason}]: {a.FirstWords}");
                }
            }
            if (low.Count > 0)
            {
                output.WriteLine("  low confidence: check these messages; to correct one, put its line (with the right question, or none) in a file for --attribution:");
                foreach (var a in low.OrderBy(a => a.MessageIndex))
                    output.WriteLine($"    {SegmentationReport.FixLine(trace, a.MessageIndex, a.Question.Value)}");
            }
        }
        if (settings.Uncertain && !shownAny && !settings.Json) output.WriteLine("no low-confidence attributions");
        return result.Errors.Count > 0 ? ExitCodes.Partial : ExitCodes.Success;
    }
}
