using RubricEngine.Traces;

namespace RubricEngine.Grading;

/// <summary>One outcome of a batch: a graded trace or the reason a trace (or file) could not be graded.</summary>
public sealed record BatchResult(TraceGrade? Grade, TraceError? Error);
