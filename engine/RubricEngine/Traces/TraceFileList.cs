namespace RubricEngine.Traces;

/// <summary>The trace files a set of paths names, in reading order, and the paths that named nothing.</summary>
internal sealed record TraceFileList(
    IReadOnlyList<string> Files,
    IReadOnlySet<string> NamedDirectly,
    IReadOnlyList<TraceError> Errors,
    IReadOnlyList<SkippedFile> Skipped);
