namespace RubricEngine.Traces.Json;

/// <summary>
/// A trace does not have the shape its format requires. Thrown inside importers and always caught by the
/// reader, which turns it into a <see cref="TraceError"/> with a line and column.
/// </summary>
internal sealed class TraceFormatException(string reason, JsonPath? path = null, int? line = null) : Exception(reason)
{
    public JsonPath? Path { get; } = path;

    /// <summary>A 1-based line for text formats that have no JSON path.</summary>
    public int? Line { get; } = line;
}
