namespace RubricEngine.Scripting;

/// <summary>A file a rubric script is made of, by its path relative to the rubric's folder (with <c>/</c>).</summary>
internal sealed record ScriptFile(string RelativePath, string FullPath, string Text);
