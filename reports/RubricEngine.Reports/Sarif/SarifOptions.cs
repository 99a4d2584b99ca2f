namespace RubricEngine.Reports.Sarif;

/// <summary>Options of the SARIF log.</summary>
public sealed record SarifOptions
{
    /// <summary>tool.driver.informationUri: where the tool is documented (absolute URI), if anywhere.</summary>
    public string? InformationUri { get; init; }

    /// <summary>
    /// Trace paths under this folder are written relative to it, with <c>uriBaseId</c> <c>TRACEROOT</c>
    /// (declared in <c>originalUriBaseIds</c>); relative paths are taken from the current folder. Other paths
    /// become absolute <c>file://</c> URIs.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Reads a trace file again the way grading read it, for the messages' content: with it, regions are
    /// positions in the trace file itself. Without it (or when the text cannot be found in the file) regions count
    /// lines and columns inside the message, and the result says so (<c>properties.regionKind</c>).
    /// </summary>
    public Func<string, Traces.FileReadResult>? ReadFile { get; init; }

    /// <summary>Indent the JSON (default true: TAs read it; the size cost is modest).</summary>
    public bool Indented { get; init; } = true;
}
