using RubricEngine.Cli.Commands;
using RubricEngine.Reports;
using RubricEngine.Reports.Excel;

namespace RubricEngine.Cli.Outputs;

/// <summary><c>-o grades.xlsx</c>: the gradebook with a note per criterion.</summary>
internal sealed class WorkbookOutput : IReportOutput
{
    public string OptionKey => "output";
    public string? Label => "gradebook";
    public bool WritesFile => true;
    public string? Target(GradeSettings settings) => settings.Output;

    public IGradeSink Open(GradeSettings settings, ReportEnvironment environment) =>
        new ExcelGradebookSink(settings.Output!, environment.Policy);
}
