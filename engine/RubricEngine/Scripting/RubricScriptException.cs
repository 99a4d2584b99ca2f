namespace RubricEngine.Scripting;

/// <summary>One problem with a rubric script, printed like a compiler prints it.</summary>
/// <param name="File">The file as the user gave it (or relative to it, for a <c>#load</c>-ed file).</param>
/// <param name="Line">1-based line, or null when unknown.</param>
/// <param name="Column">1-based column, or null when unknown.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Id">Compiler diagnostic id (<c>CS1002</c>), or null for an error raised while the rubric was built.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ScriptDiagnostic(string File, int? Line, int? Column, string Severity, string? Id, string Message)
{
    /// <summary><c>hw7.rubric.csx(12,5): error CS1002: ; expected</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } l ? $"({l},{Column ?? 1})" : "";
        var id = Id is null ? "" : " " + Id;
        return $"{File}{where}: {Severity}{id}: {Message}";
    }
}

/// <summary>
/// A rubric script could not be compiled or could not build its rubric. <see cref="Exception.Message"/> is the
/// formatted diagnostics, one per line; the CLI prints it as is and exits with code 2 (no stack trace).
/// </summary>
public sealed class RubricScriptException(IReadOnlyList<ScriptDiagnostic> diagnostics, Exception? inner = null)
    : Exception(string.Join(Environment.NewLine, diagnostics), inner)
{
    /// <summary>The problems, in file and position order.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; } = diagnostics;
}
