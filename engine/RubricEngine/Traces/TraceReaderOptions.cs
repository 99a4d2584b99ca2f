namespace RubricEngine.Traces;

/// <summary>How <see cref="TraceReader"/> reads files and finds who each trace belongs to.</summary>
internal sealed record TraceReaderOptions
{
    /// <summary>Default <see cref="MaxFileBytes"/>: 32 MB.</summary>
    public const long DefaultMaxFileBytes = 32L * 1024 * 1024;

    /// <summary>Files larger than this are refused with an error giving both sizes.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Deepest JSON nesting accepted; deeper documents are refused, not parsed.</summary>
    public int MaxJsonDepth { get; init; } = 256;

    /// <summary>
    /// Student identity from file names, e.g. <c>{id}_{name}.json</c> or <c>{id}-*.json</c>; <c>{email}</c> also works,
    /// <c>*</c> matches anything. A pattern with <c>/</c> matches the end of the path (<c>{id}/conversations.json</c>).
    /// </summary>
    public string? FileNamePattern { get; init; }

    /// <summary>Student identity from a roster CSV, looked up by trace id, then by file.</summary>
    public StudentRoster? Roster { get; init; }

    /// <summary>The assignment given to imported traces that do not name one.</summary>
    public string? Assignment { get; init; }

    /// <summary>Read every file in this format (one of <see cref="TraceFormats"/>) instead of detecting it.</summary>
    public string? Format { get; init; }

    /// <summary>Extensions considered when walking a folder; files named directly are always read.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".json", ".jsonl", ".md", ".markdown", ".txt"];
}
