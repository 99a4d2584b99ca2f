using RubricEngine.Cli.Commands;
using RubricEngine.Reports;

namespace RubricEngine.Cli.Outputs;

/// <summary>
/// One output <c>rubric grade</c> can write: the option that asks for it, how its sink is opened, and what the TA is
/// told once it is written. <see cref="ReportOutputs.All"/> lists them; the grade verb loops over that list.
/// </summary>
internal interface IReportOutput
{
    /// <summary>The option's name as the Run sheet records it ("csv", "sarif", …).</summary>
    string OptionKey { get; }

    /// <summary>What the closing "Wrote …" line calls it; null for an output that reports itself (<c>--into</c>).</summary>
    string? Label { get; }

    /// <summary>Whether <see cref="Target"/> is one file (a run that grades nothing names the files it left as they were).</summary>
    bool WritesFile { get; }

    /// <summary>
    /// Whether the sink shows the conversation (an <see cref="IConversationSink"/>): the run then keeps each grade's
    /// analysis for it.
    /// </summary>
    bool ShowsConversation => false;

    /// <summary>The file or folder the option names; null when the run was not asked for this output.</summary>
    string? Target(GradeSettings settings);

    /// <summary>Opens the sink before grading starts, so a bad roster or a locked file stops the run before any work.</summary>
    IGradeSink Open(GradeSettings settings, ReportEnvironment environment);

    /// <summary>After the sink completed: what the TA should know (roster rows without a trace, students updated).</summary>
    void ReportWritten(IGradeSink sink, GradeSettings settings, TextWriter output) { }
}
