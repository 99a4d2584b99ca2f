namespace RubricEngine.Scripting;

/// <summary>
/// The files a rubric is made of, found by a cheap line scan of its <c>#load</c> and <c>#r</c> directives (no
/// Roslyn: the warm path must not load the compiler just to compute the cache key). Paths resolve exactly as
/// <see cref="RubricSourceResolver"/> resolves them for the compiler.
/// </summary>
internal sealed record ScriptDirectives(IReadOnlyList<ScriptFile> Files, IReadOnlyList<ScriptReference> References)
{
    public static ScriptDirectives Scan(string baseDirectory, string mainRelativePath, string mainText)
    {
        var files = new List<ScriptFile>();
        var references = new List<ScriptReference>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Visit(new ScriptFile(mainRelativePath, Path.Combine(baseDirectory, mainRelativePath), mainText));
        return new ScriptDirectives(files, references);

        void Visit(ScriptFile file)
        {
            if (!seen.Add(file.RelativePath)) return;
            files.Add(file);
            foreach (var (kind, argument) in Directives(file.Text))
            {
                if (kind == "r")
                {
                    var full = ResolveReferencePath(baseDirectory, file.RelativePath, argument);
                    references.Add(new ScriptReference(argument, full));
                    continue;
                }
                var relative = ResolveLoad(baseDirectory, file.RelativePath, argument);
                var fullPath = ToFullPath(baseDirectory, relative);
                if (File.Exists(fullPath)) Visit(new ScriptFile(relative, fullPath, File.ReadAllText(fullPath)));
            }
        }
    }

    /// <summary>The <c>#load "x"</c> and <c>#r "x"</c> directives of a script, in order.</summary>
    public static IEnumerable<(string Kind, string Argument)> Directives(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.AsSpan().Trim();
            if (!line.StartsWith("#")) continue;
            line = line[1..].TrimStart();
            string kind;
            if (line.StartsWith("load") && line.Length > 4 && char.IsWhiteSpace(line[4])) { kind = "load"; line = line[4..]; }
            else if (line.StartsWith("r") && line.Length > 1 && char.IsWhiteSpace(line[1])) { kind = "r"; line = line[1..]; }
            else continue;
            line = line.TrimStart();
            if (line.Length < 2 || line[0] != '"') continue;
            var end = line[1..].IndexOf('"');
            if (end < 0) continue;
            yield return (kind, line.Slice(1, end).ToString());
        }
    }

    /// <summary>
    /// Resolves <c>#load "path"</c> written in <paramref name="containingFile"/> (relative to the rubric folder):
    /// relative to the containing file's folder; the result is relative to <paramref name="baseDirectory"/>.
    /// </summary>
    public static string ResolveLoad(string baseDirectory, string? containingFile, string path)
    {
        var folder = containingFile is null ? "" : Path.GetDirectoryName(containingFile) ?? "";
        var full = Path.GetFullPath(Path.Combine(baseDirectory, folder, path));
        return Path.GetRelativePath(baseDirectory, full).Replace('\\', '/');
    }

    public static string ToFullPath(string baseDirectory, string relativePath) =>
        Path.GetFullPath(Path.Combine(baseDirectory, relativePath));

    /// <summary>The file a <c>#r</c> names, when it names an existing file (by-name references return null).</summary>
    public static string? ResolveReferencePath(string baseDirectory, string containingFile, string argument)
    {
        if (argument.Contains(':') && !Path.IsPathRooted(argument)) return null; // nuget:, other schemes
        var folder = Path.GetDirectoryName(containingFile) ?? "";
        var full = Path.GetFullPath(Path.Combine(baseDirectory, folder, argument));
        return File.Exists(full) ? full : null;
    }
}
