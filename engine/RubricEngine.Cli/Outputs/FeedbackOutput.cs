using RubricEngine.Cli.Commands;
using RubricEngine.Reports;
using RubricEngine.Reports.Feedback;

namespace RubricEngine.Cli.Outputs;

/// <summary><c>--feedback dir</c>: one Markdown file per student.</summary>
internal sealed class FeedbackOutput : IReportOutput
{
    public string OptionKey => "feedback";
    public string? Label => "feedback";
    public bool WritesFile => false;
    public string? Target(GradeSettings settings) => settings.Feedback;

    public IGradeSink Open(GradeSettings settings, ReportEnvironment environment) => new FeedbackWriter(settings.Feedback!, environment.Policy);
}
