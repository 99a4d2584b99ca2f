using RubricEngine.Grading;

namespace RubricEngine.Reports;

/// <summary>
/// A report that needs every row before it can write (the xlsx gradebook, an update of the course gradebook): it
/// keeps the grades it is given and writes them all at <see cref="Complete"/>. The streaming formats stay streaming;
/// only the formats that must see the whole class pay for holding it.
/// </summary>
public abstract class BufferedGradeSink : IGradeSink
{
    private readonly List<TraceGrade> _grades = [];
    private ReportContext? _context;

    /// <summary>What the run knew before the first grade (set by <see cref="Begin"/>).</summary>
    protected ReportContext Context => _context ?? throw new InvalidOperationException("Begin was not called.");

    public void Begin(ReportContext context) => _context = context;

    public void Add(TraceGrade grade) => _grades.Add(grade);

    public void Complete(RunInfo run) => Write(_grades, run);

    /// <summary>Writes the whole report, atomically, from every grade of the run in the run's order.</summary>
    protected abstract void Write(IReadOnlyList<TraceGrade> grades, RunInfo run);

    public virtual void Dispose()
    {
    }
}
