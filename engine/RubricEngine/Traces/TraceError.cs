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
