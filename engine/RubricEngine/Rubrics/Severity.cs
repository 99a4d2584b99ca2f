namespace RubricEngine.Rubrics;

/// <summary>How serious a finding is. <see cref="None"/> turns a rule off (from <c>.rubricconfig</c>).</summary>
public enum Severity
{
    None,
    Info,
    Warning,
    Error,
}
