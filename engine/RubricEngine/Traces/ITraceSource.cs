namespace RubricEngine.Traces;

/// <summary>
/// The inputs of a run: the trace files, in the order results must come out, and how to read one. The one way a
/// bulk run gets traces (<see cref="Grading.BatchGrader"/>); <see cref="FileTraceSource"/> is the one over files and folders.
/// </summary>
internal interface ITraceSource
{
    /// <summary>The trace files, in a deterministic order.</summary>
    IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Reads one of <see cref="Files"/>; called on worker threads. Bad input is an error in the result, never an
    /// exception. Duplicate ids across files are the caller's to check, in order (<see cref="TraceIdRegistry"/>).
    /// </summary>
    FileReadResult Read(string file);
}
