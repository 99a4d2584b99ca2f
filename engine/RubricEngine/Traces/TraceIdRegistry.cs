namespace RubricEngine.Traces;

/// <summary>
/// The trace ids met so far, in reading order: the first file with an id keeps it, every later copy is an error.
/// The one home of the duplicate-id rule and its message: the reader checks within a file (and across files when it
/// reads them one after another), a bulk run across files in input order, whatever the scheduling.
/// Not thread-safe: claim ids from one thread, in order.
/// </summary>
internal sealed class TraceIdRegistry
{
    private readonly Dictionary<string, string> _firstFileById = new(StringComparer.Ordinal);

    /// <summary>Claims <paramref name="id"/> for <paramref name="file"/>.</summary>
    /// <returns>Null when the id was free; otherwise why this copy is rejected.</returns>
    public string? Claim(string id, string file)
    {
        if (_firstFileById.TryGetValue(id, out var first))
            return $"duplicate trace id '{id}': already used by {first}; this copy is not graded";
        _firstFileById.Add(id, file);
        return null;
    }
}
