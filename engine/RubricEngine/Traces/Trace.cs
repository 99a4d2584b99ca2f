namespace RubricEngine.Traces;

/// <summary>
/// One student's exported conversation with a language model, in the engine's canonical shape
/// (<c>rubric-trace/1</c>), whatever format it was read from.
/// </summary>
public sealed record Trace(
    string Id,
    string? Assignment,
    Student Student,
    string? Model,
    IReadOnlyList<SourceText> Sources,
    IReadOnlyList<Message> Messages)
{
    /// <summary>The file the trace was read from, as given on the command line (for messages and locations).</summary>
    public string File { get; init; } = "";

    /// <summary>The format it was read from: <c>rubric-trace/1</c>, <c>chatgpt</c>, <c>claude</c>, …</summary>
    public string Format { get; init; } = TraceFormats.Canonical;
}
