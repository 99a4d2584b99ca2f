using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// A file (or one line of a JSONL file) ready for a format: JSON inputs carry their parsed root,
/// text inputs their decoded text.
/// </summary>
internal sealed class TraceInput(string file, JsonElement? json, string? text)
{
    public string File { get; } = file;

    public JsonElement? Json { get; } = json;

    public string? Text { get; } = text;

    public JsonCursor Root => Json is { } json ? JsonCursor.Root(json) : throw new InvalidOperationException("not a JSON input");
}
