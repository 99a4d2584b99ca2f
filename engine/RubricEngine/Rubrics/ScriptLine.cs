namespace RubricEngine.Rubrics;

/// <summary>
/// A line of a rubric script (or of a file it <c>#load</c>s), as the compiler named the file; captured with
/// <c>[CallerLineNumber]</c> when the script declares something, so that errors found later point at it.
/// </summary>
public sealed record ScriptLine(string File, int Line)
{
    internal static ScriptLine? Of(string file, int line) => line > 0 ? new ScriptLine(file, line) : null;
}
