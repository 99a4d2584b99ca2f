namespace RubricEngine.Scripting;

/// <summary>An assembly a rubric references with <c>#r "path"</c>.</summary>
internal sealed record ScriptReference(string Directive, string? FullPath);
