using RubricEngine.Grading;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// <c>--into</c> as a sink: the course gradebook is changed once, at the end, from every grade (backup first, under
/// its lock; see <see cref="GradebookUpdater"/>). A run that graded nothing never reaches <see cref="BufferedGradeSink.Complete"/>.
/// </summary>
public sealed class GradebookUpdateSink(string path, Func<ReportContext, GradebookUpdateOptions> options) : BufferedGradeSink
{
    /// <summary>The gradebook to update.</summary>
    public string Path { get; } = path;

    /// <summary>What the update did; null until the sink completed.</summary>
    public UpdateReport? Report { get; private set; }

    /// <summary>The grades written, for the warnings about totals that were left as they were.</summary>
    public IReadOnlyList<TraceGrade> Grades { get; private set; } = [];

    protected override void Write(IReadOnlyList<TraceGrade> grades, RunInfo run)
    {
        Grades = grades;
        Report = GradebookUpdater.Update(Path, grades, options(Context));
    }
}
