using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

internal readonly record struct DraftOrError(TraceDraft? Draft, TraceFormatException? Error)
{
    public static implicit operator DraftOrError(TraceDraft draft) => new(draft, null);

    public static implicit operator DraftOrError(TraceFormatException error) => new(null, error);

    /// <summary>Runs <paramref name="read"/>, turning a format error into an error entry so siblings still read.</summary>
    public static DraftOrError Try(Func<TraceDraft> read)
    {
        try { return read(); }
        catch (TraceFormatException e) { return e; }
    }
}
