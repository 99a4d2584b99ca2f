using System.Text;

namespace RubricEngine.Traces;

/// <summary>One roster line: which file or trace belongs to which student.</summary>
internal sealed record RosterEntry(string? File, string? TraceId, Student Student);
