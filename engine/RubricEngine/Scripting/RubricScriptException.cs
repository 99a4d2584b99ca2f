namespace RubricEngine.Scripting;

/// <summary>
/// A rubric script could not be compiled or could not build its rubric. <see cref="Exception.Message"/> is the
/// formatted diagnostics, one per line; the CLI prints it as is and exits with code 2 (no stack trace).
/// </summary>
internal sealed class RubricScriptException(IReadOnlyList<ScriptDiagnostic> diagnostics, Exception? inner = null)
    : Exception(string.Join(Environment.NewLine, diagnostics), inner)
{
    /// <summary>The problems, in file and position order.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; } = diagnostics;
}
