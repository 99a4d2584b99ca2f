using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Traces;

namespace RubricEngine.Cli.Services;

/// <summary>Runs <c>rubric show</c>: prints which text answers which question on which attempt.</summary>
public sealed class ShowService(TextWriter output)
{
    public int Run(string tracePath, RubricDefinition? rubric, bool json)
    {
        var result = new TraceReader().Read([tracePath]);
        foreach (var error in result.Errors) output.WriteLine(error.ToString());
        foreach (var skipped in result.Skipped) output.WriteLine(skipped.ToString()); // e.g. a companion file named directly
        if (result.Traces.Count == 0) return ExitCodes.Partial;

        // Without a rubric the segmenter still finds questions from the markers in the text.
        var definition = rubric ?? new RubricDefinition("(no rubric)", Attempt.First, [], [], [], []);
        var grader = new Grader(definition);
        foreach (var trace in result.Traces)
        {
            var shown = SegmentationReport.Build(grader.Analyze(trace));
            if (json)
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
                    output.WriteLine($"    attempt {a.Attempt}: message {a.MessageIndex}, lines {a.StartLine}-{a.EndLine}: {a.FirstWords}");
            }
        }
        return result.Errors.Count > 0 ? ExitCodes.Partial : ExitCodes.Success;
    }
}
