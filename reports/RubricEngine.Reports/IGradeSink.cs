using RubricEngine.Grading;

namespace RubricEngine.Reports;

/// <summary>
/// A report that is written as grades arrive, so a run over 50k traces never holds them all: <see cref="Begin"/>
/// once, <see cref="Add"/> per trace in the run's deterministic order, <see cref="Complete"/> once. A sink disposed
/// without <see cref="Complete"/> leaves no output behind (file sinks delete their temporary file).
/// </summary>
public interface IGradeSink : IDisposable
{
    /// <summary>Writes whatever comes before the first grade (headers, SARIF tool and rules).</summary>
    void Begin(ReportContext context);

    /// <summary>Writes one trace's grade. Called from one thread, in the run's order.</summary>
    void Add(TraceGrade grade);

    /// <summary>Writes what comes after the last grade and makes the output final (atomic rename for files).</summary>
    void Complete(RunInfo run);
}
