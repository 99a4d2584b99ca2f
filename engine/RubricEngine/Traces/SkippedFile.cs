namespace RubricEngine.Traces;

/// <summary>
/// A file met while walking a folder that was not read as a trace, and why: a companion file of a known export
/// (<c>user.json</c> beside ChatGPT's <c>conversations.json</c>), an image, or a document the engine cannot read.
/// <see cref="MightBeTrace"/> marks the ones a student may have meant as their trace (a PDF, a saved web page, a ZIP),
/// which a run must not pass over quietly.
/// </summary>
public sealed record SkippedFile(string File, string Reason, bool MightBeTrace = false)
{
    /// <summary>What kind of file, for a run's closing line: "companion file of a ChatGPT export".</summary>
    public string Kind { get; init; } = MightBeTrace ? "file that might be a trace" : "file that is not a trace";

    /// <summary>The plural of <see cref="Kind"/>: "companion files of a ChatGPT export".</summary>
    public string Kinds { get; init; } = MightBeTrace ? "files that might be traces" : "files that are not traces";

    /// <summary>Compiler-style text: <c>traces/ana/user.json: skipped: not a trace: companion file of a ChatGPT export</c>.</summary>
    public override string ToString() => $"{File}: {(MightBeTrace ? "warning" : "note")}: skipped: {Reason}";
}
