using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// One trace format: its name, whether a file's content looks like it (and why), and how to read it into drafts
/// (traces before student identity and ids are settled by the reader). A new format is one class listed in
/// <see cref="TraceFormatRegistry"/>, plus its fixtures.
/// </summary>
internal interface ITraceFormat
{
    /// <summary>One of <see cref="TraceFormats"/>.</summary>
    string Name { get; }

    /// <summary>True for JSON formats (the input carries a parsed root), false for text (Markdown) formats.</summary>
    bool IsJson { get; }

    /// <summary>What detection looks for, for the message when no format matches: <c>'mapping' (ChatGPT)</c>.</summary>
    string LooksFor { get; }

    /// <summary>
    /// Why the content is in this format (<c>conversations with 'mapping'</c>), or null when it is not. Cheap: looks
    /// at the shape, never reads everything.
    /// </summary>
    string? Detect(TraceInput input);

    /// <summary>Each conversation in the input, or the reason it cannot be read. Never throws for bad input.</summary>
    IReadOnlyList<DraftOrError> Read(TraceInput input);
}
