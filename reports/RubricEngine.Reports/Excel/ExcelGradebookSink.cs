using RubricEngine.Grading;
using RubricEngine.Reports.IO;

namespace RubricEngine.Reports.Excel;

/// <summary>
/// The xlsx gradebook as a sink (<c>-o grades.xlsx</c>). The target is opened when the run starts, so a file another
/// run writes meanwhile is noticed at the rename; the workbook is written from every grade at the end.
/// </summary>
public sealed class ExcelGradebookSink : BufferedGradeSink, IReplacesFile
{
    private readonly AtomicFile _file;

    public ExcelGradebookSink(string path, OutputPolicy? policy = null) => _file = AtomicFile.Create(path, policy);

    public string Path => _file.Path;

    public ReplaceResult? Result { get; private set; }

    protected override void Write(IReadOnlyList<TraceGrade> grades, RunInfo run) =>
        Result = ExcelGradebookWriter.Commit(_file, GradebookRule.From(Context.Rubric), grades, run);

    public override void Dispose()
    {
        _file.Dispose();
        base.Dispose();
    }
}
