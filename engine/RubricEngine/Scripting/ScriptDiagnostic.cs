namespace RubricEngine.Scripting;

/// <summary>One problem with a rubric script, printed like a compiler prints it.</summary>
/// <param name="File">The file as the user gave it (or relative to it, for a <c>#load</c>-ed file).</param>
/// <param name="Line">1-based line, or null when unknown.</param>
/// <param name="Column">1-based column, or null when unknown.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Id">Compiler diagnostic id (<c>CS1002</c>), or null for an error raised while the rubric was built.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record ScriptDiagnostic(string File, int? Line, int? Column, string Severity, string? Id, string Message)
{
    /// <summary><c>hw7.rubric.csx(12,5): error CS1002: ; expected</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } l ? $"({l},{Column ?? 1})" : "";
        var id = Id is null ? "" : " " + Id;
        return $"{File}{where}: {Severity}{id}: {Message}";
    }
}
