namespace RubricEngine.Traces;

/// <summary>Reference material a trace or a rubric grounds numbers in (a blog post, a paper excerpt).</summary>
public sealed record SourceText(string Id, string? Title, string Text);
