namespace RubricEngine.Traces;

/// <summary>What reading one or more files gave: the traces that could be read and an error for each that could not.</summary>
internal sealed record TraceReadResult(IReadOnlyList<Trace> Traces, IReadOnlyList<TraceError> Errors)
{
    /// <summary>Files met while walking a folder that are not traces, each with the reason (companion files, images, a README).</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>Which format each file was read as, and why.</summary>
    public IReadOnlyList<FileDetection> ReadAs { get; init; } = [];

    /// <summary>What a TA should know about a file that was still read (a student note that quotes no answer).</summary>
    public IReadOnlyList<ReadWarning> Warnings { get; init; } = [];

    public static TraceReadResult Empty { get; } = new([], []);
}
