namespace RubricEngine.Traces;

/// <summary>Which format a file was read as, and why (<c>chatgpt</c>: "an array of conversations with 'mapping'").</summary>
public sealed record FileDetection(string File, string Format, string Reason)
{
    public override string ToString() => $"{File}: read as {Format} ({Reason})";
}
