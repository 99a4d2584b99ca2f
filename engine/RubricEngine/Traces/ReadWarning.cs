namespace RubricEngine.Traces;

/// <summary>
/// Something a TA should know about a file that was still read (a student note whose quote matches no answer):
/// <c>traces/ana.notes.md(7,1): warning: …</c>.
/// </summary>
public sealed record ReadWarning(string File, int? Line, string Message)
{
    public override string ToString() => $"{File}{(Line is { } l ? $"({l},1)" : "")}: warning: {Message}";
}
