using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RubricEngine.Scripting;

/// <summary>
/// Resolves <c>#load</c> relative to the loading file, naming files by their path relative to the rubric's
/// folder so that diagnostics and the cached debug information do not depend on where the rubric lives.
/// <paramref name="overrides"/> serves the guard-woven text of a file instead of its content on disk.
/// </summary>
internal sealed class RubricSourceResolver(string baseDirectory, IReadOnlyDictionary<string, string>? overrides = null)
    : SourceReferenceResolver
{
    public override string? NormalizePath(string path, string? baseFilePath) =>
        ScriptDirectives.ResolveLoad(baseDirectory, baseFilePath, path);

    public override string? ResolveReference(string path, string? baseFilePath)
    {
        var relative = ScriptDirectives.ResolveLoad(baseDirectory, baseFilePath, path);
        return overrides?.ContainsKey(relative) == true || File.Exists(ScriptDirectives.ToFullPath(baseDirectory, relative)) ? relative : null;
    }

    public override Stream OpenRead(string resolvedPath) =>
        overrides is not null && overrides.TryGetValue(resolvedPath, out var text)
            ? new MemoryStream(Encoding.UTF8.GetBytes(text))
            : File.OpenRead(ScriptDirectives.ToFullPath(baseDirectory, resolvedPath));

    public override SourceText ReadText(string resolvedPath) =>
        overrides is not null && overrides.TryGetValue(resolvedPath, out var text)
            ? SourceText.From(text, Encoding.UTF8)
            : SourceText.From(File.ReadAllText(ScriptDirectives.ToFullPath(baseDirectory, resolvedPath)), Encoding.UTF8);

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
