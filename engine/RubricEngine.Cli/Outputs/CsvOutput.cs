using RubricEngine.Reports.IO;
using RubricEngine.Cli.Commands;
using RubricEngine.Reports;
using RubricEngine.Reports.Csv;
using RubricEngine.Reports.Gradebook;
using RubricEngine.Reports.Safety;

namespace RubricEngine.Cli.Outputs;

/// <summary><c>--csv file --csv-format …</c>: the LMS import file, from the LMS's own export when <c>--roster</c> gives it.</summary>
internal sealed class CsvOutput : IReportOutput
{
    public string OptionKey => "csv";
    public string? Label => "CSV";
    public bool WritesFile => true;
    public string? Target(GradeSettings settings) => settings.Csv;

    public IGradeSink Open(GradeSettings settings, ReportEnvironment environment)
    {
        var context = environment.Context;
        var assignment = settings.Assignment ?? context.Rubric.Title;
        var max = context.Rules.Sum(r => r.Points);
        // Moodle, Blackboard and Brightspace files are written by their own import rules, from their own export.
        LmsSystem? native = settings.CsvFormat switch { "moodle" => LmsSystem.Moodle, "blackboard" => LmsSystem.Blackboard, "brightspace" => LmsSystem.Brightspace, _ => null };
        var lmsRoster = native is { } n && settings.Roster is not null ? LmsRoster.Read(settings.Roster, n) : null;
        if (native is { } system) LmsRoster.CheckAssignment(system, lmsRoster, assignment, settings.NewAssignment);
        var roster = settings.Roster is null || native is not null ? null : CanvasRoster.Read(settings.Roster);
        var canvasRoster = settings.CsvFormat == "canvas" ? roster : null;
        canvasRoster?.CheckAssignment(assignment, settings.NewAssignment);
        return CsvGradeSink.ToFile(settings.Csv!, new CsvExportOptions
        {
            Format = settings.CsvFormat switch
            {
                "canvas" => CsvGradeFormat.Canvas, "gradescope" => CsvGradeFormat.Gradescope, "moodle" => CsvGradeFormat.Moodle,
                "blackboard" => CsvGradeFormat.Blackboard, "brightspace" => CsvGradeFormat.Brightspace, _ => CsvGradeFormat.Plain,
            },
            AssignmentName = settings.Assignment,
            Roster = roster,
            LmsRoster = lmsRoster,
            Scale = canvasRoster?.ScaleFor(assignment, max, settings.ScaleToPoints) ?? lmsRoster?.ScaleFor(assignment, max, settings.ScaleToPoints) ?? 1,
        }, environment.Policy);
    }

    public void ReportWritten(IGradeSink sink, GradeSettings settings, TextWriter output)
    {
        if (sink is not FileGradeSink<CsvGradeSink> csv) return;
        foreach (var u in csv.Inner.Unmatched) output.WriteLine(u.ToString());
        foreach (var n in csv.Inner.NotGraded) output.WriteLine(n);
    }
}
