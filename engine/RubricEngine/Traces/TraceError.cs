namespace RubricEngine.Traces;

/// <summary>
/// Why a trace (or a whole file) could not be read: names the file, the place (JSON path and line:column
/// when known) and the reason, so a TA can open the file and see.
/// </summary>
public sealed record TraceError(string File, string Reason, string? JsonPath = null, int? Line = null, int? Column = null)
{
    /// <summary>Compiler-style text: <c>traces/ana.json(12,5): error: $.messages[3].role: expected a string</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } l ? $"({l},{Column ?? 1})" : "";
        var path = string.IsNullOrEmpty(JsonPath) ? "" : $"{JsonPath}: ";
        return $"{File}{where}: error: {path}{Reason}";
    }
}

/// <summary>What reading one or more files gave: the traces that could be read and an error for each that could not.</summary>
public sealed record TraceReadResult(IReadOnlyList<Trace> Traces, IReadOnlyList<TraceError> Errors)
{
    /// <summary>Files met while walking a folder that are not traces, each with the reason (companion files, images, a README).</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>Which format each file was read as, and why.</summary>
    public IReadOnlyList<FileDetection> ReadAs { get; init; } = [];

    public static TraceReadResult Empty { get; } = new([], []);
}

/// <summary>The trace files a set of paths names, in reading order, and the paths that named nothing.</summary>
public sealed record TraceFileList(
    IReadOnlyList<string> Files,
    IReadOnlySet<string> NamedDirectly,
    IReadOnlyList<TraceError> Errors,
    IReadOnlyList<SkippedFile> Skipped);
