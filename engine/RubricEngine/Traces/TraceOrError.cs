namespace RubricEngine.Traces;

/// <summary>A trace that was read, or why one could not be.</summary>
internal readonly record struct TraceOrError
{
    private TraceOrError(Trace? trace, TraceError? error)
    {
        Trace = trace;
        Error = error;
    }

    /// <summary>The trace, when it could be read.</summary>
    public Trace? Trace { get; }

    /// <summary>The error, when it could not.</summary>
    public TraceError? Error { get; }

    /// <summary>True when this item is an error.</summary>
    public bool IsError => Error is not null;

    /// <summary>An item holding a trace.</summary>
    public static TraceOrError Of(Trace trace) => new(trace, null);

    /// <summary>An item holding an error.</summary>
    public static TraceOrError Of(TraceError error) => new(null, error);

    public override string ToString() => Error?.ToString() ?? $"{Trace!.File}: {Trace.Id}";
}
