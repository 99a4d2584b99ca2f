namespace RubricEngine.Traces;

/// <summary>
/// The trace files that files and folders name (<see cref="TraceReader.ListFiles"/>, walked once), read one at a
/// time by a <see cref="TraceReader"/>. The paths that named nothing and the files that are not traces are in
/// <see cref="List"/>, for the run to report.
/// </summary>
internal sealed class FileTraceSource : ITraceSource
{
    private readonly TraceReader _reader;

    public FileTraceSource(TraceReader reader, IEnumerable<string> paths)
    {
        _reader = reader;
        List = reader.ListFiles(paths);
    }

    /// <summary>What the walk found: files, the ones named directly, errors and skipped files.</summary>
    public TraceFileList List { get; }

    public IReadOnlyList<string> Files => List.Files;

    public FileReadResult Read(string file) => _reader.ReadFile(file, List.NamedDirectly.Contains(file));
}
