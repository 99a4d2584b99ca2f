using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Traces;
using Spectre.Console;

namespace RubricEngine.Cli.Services;

/// <summary>Runs <c>rubric show</c>: prints which text answers which question on which attempt.</summary>
public sealed class ShowService(IAnsiConsole console)
{
    public int Run(string tracePath, RubricDefinition? rubric, bool json)
    {
        var result = new TraceReader().Read([tracePath]);
        foreach (var error in result.Errors) console.WriteLine(error.ToString());
        if (result.Traces.Count == 0) return ExitCodes.Partial;

        // Without a rubric the segmenter still finds questions from the markers in the text.
        var definition = rubric ?? new RubricDefinition("(no rubric)", Attempt.First, [], [], [], []);
        var grader = new Grader(definition);
        foreach (var trace in result.Traces)
        {
            var shown = SegmentationReport.Build(grader.Analyze(trace));
            if (json)
            {
                console.Profile.Out.Writer.WriteLine(SegmentationReport.ToJson(shown));
                continue;
            }
            console.MarkupLine($"[bold]{Markup.Escape(trace.File)}[/] — {Markup.Escape(trace.Student.Name ?? trace.Student.Id)} ({trace.Messages.Count} messages)");
            if (shown.Count == 0) console.WriteLine("  no answers found");
            foreach (var q in shown)
            {
                console.MarkupLine($"  [bold]{Markup.Escape(q.Question)}[/]");
                foreach (var a in q.Attempts)
                    console.WriteLine($"    attempt {a.Attempt}: message {a.Message}, lines {a.StartLine}-{a.EndLine}: {a.FirstWords}");
            }
        }
        return result.Errors.Count > 0 ? ExitCodes.Partial : ExitCodes.Success;
    }
}
