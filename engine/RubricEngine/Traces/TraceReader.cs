namespace RubricEngine.Traces;

/// <summary>
/// Reads trace files and folders in any supported format into <see cref="Trace"/>s, with one clear
/// <see cref="TraceError"/> per trace or file that cannot be read.
/// PLACEHOLDER: the importers issue replaces this with the real readers.
/// </summary>
public sealed class TraceReader
{
    public TraceReadResult Read(IEnumerable<string> paths) => throw new NotImplementedException();
}
