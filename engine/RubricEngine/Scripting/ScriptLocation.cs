using System.Diagnostics;

namespace RubricEngine.Scripting;

/// <summary>A place in a rubric script: the file as it should be shown, 1-based line and column.</summary>
public sealed record ScriptLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}({Line},{Column})";
}
