using RubricEngine.Cli.Commands;
using RubricEngine.Cli.Services;
using RubricEngine.Reports;
using RubricEngine.Reports.Excel;
using RubricEngine.Reports.Gradebook;

namespace RubricEngine.Cli.Outputs;

/// <summary><c>--into gradebook</c>: the course gradebook (xlsx or an LMS export) updated in place, backup first.</summary>
internal sealed class IntoOutput : IReportOutput
{
    public string OptionKey => "into";
    public string? Label => null;
    public bool WritesFile => true;
    public string? Target(GradeSettings settings) => settings.Into;

    public IGradeSink Open(GradeSettings settings, ReportEnvironment environment) =>
        new GradebookUpdateSink(settings.Into!, context => new GradebookUpdateOptions(settings.Column ?? settings.Assignment ?? context.Rubric.Title)
        {
            Sheet = settings.Sheet,
            Key = settings.Key,
            PerCriterion = settings.PerCriterion,
            NewAssignment = settings.NewAssignment,
            ScaleToPoints = settings.ScaleToPoints,
            Rules = GradebookRule.From(context.Rubric),
            Now = context.Started,
            Policy = environment.Policy,
        });

    public void ReportWritten(IGradeSink sink, GradeSettings settings, TextWriter output)
    {
        if (sink is not GradebookUpdateSink { Report: { } report } update) return;
        if (report.Reapplied > 0)
            output.WriteLine($"{settings.Into}: note: the gradebook was saved by somebody else while this run wrote it; read it again and wrote this run's columns into their version.");
        output.WriteLine($"Updated {report.StudentsUpdated} students in {report.Path} (backup: {report.BackupPath}).");
        foreach (var s in report.StudentsWithoutTrace) output.WriteLine($"{settings.Into}: warning: no trace for student {s}");
        foreach (var t in report.TracesWithoutStudent) output.WriteLine($"{t}: warning: no student in {settings.Into} matches this trace");
        foreach (var g in update.Grades.Where(g => g.IsPartial()))
            output.WriteLine($"{settings.Into}: warning: total of {g.Student.Id} not written, {g.PartialText()}; the cell was left as it was");
        foreach (var k in report.KeptOverrides) output.WriteLine($"{settings.Into}: note: kept manual value for {k.Student} in '{k.Column}' ({k.Existing}; computed {k.Computed})");
    }
}
