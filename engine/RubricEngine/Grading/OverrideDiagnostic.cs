using RubricEngine.Rubrics;

namespace RubricEngine.Grading;

/// <summary>A problem with an overrides row: the file, the line and what is wrong. Never stops a run.</summary>
public sealed record OverrideDiagnostic(string File, int Line, Severity Severity, string Message)
{
    /// <summary><c>overrides.csv(4): error: points 'abc' is neither a number nor 'suppress'.</c></summary>
    public override string ToString() =>
        $"{File}({Line}): {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
}
