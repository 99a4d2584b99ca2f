namespace RubricEngine.Traces;

/// <summary>What reading one file gave: its traces and errors, in file order.</summary>
public sealed record FileReadResult(IReadOnlyList<Trace> Traces, IReadOnlyList<TraceError> Errors)
{
    /// <summary>The file itself when it was not read as a trace (a companion file of an export, a README), with why.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>Which format the file was read as, and why.</summary>
    public IReadOnlyList<FileDetection> ReadAs { get; init; } = [];

    /// <summary>What a TA should know about a file that was still read (a student note that quotes no answer).</summary>
    public IReadOnlyList<ReadWarning> Warnings { get; init; } = [];
}
