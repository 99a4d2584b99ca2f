using RubricEngine.Rubrics;

namespace RubricEngine.Scripting;

/// <summary>
/// A rubric script, compiled (or taken from the cache) and run: its definition, what it was made of, and the
/// collectible context its code lives in. Dispose it (after the last grade) to let that code be unloaded.
/// </summary>
internal sealed class LoadedRubric : IDisposable
{
    private readonly RubricLoadContext _context;
    private readonly string _displayFolder;
    private readonly string _mainRelativePath;

    internal LoadedRubric(
        string path, RubricDefinition definition, string sha256, string cacheKey, IReadOnlyList<string> files,
        IReadOnlyList<string> references, bool fromCache, IReadOnlyList<ScriptDiagnostic> warnings, RubricLoadContext context,
        string mainRelativePath)
    {
        Path = path;
        Definition = definition;
        Sha256 = sha256;
        CacheKey = cacheKey;
        Files = files;
        References = references;
        FromCache = fromCache;
        Warnings = warnings;
        _context = context;
        _mainRelativePath = mainRelativePath;
        _displayFolder = System.IO.Path.GetDirectoryName(path) ?? "";
    }

    /// <summary>The rubric file as given.</summary>
    public string Path { get; }

    /// <summary>The rubric the script declared (before any <c>.rubricconfig</c>).</summary>
    public RubricDefinition Definition { get; }

    /// <summary>SHA-256 (lower-case hex) of the rubric file's bytes, for the run record.</summary>
    public string Sha256 { get; }

    /// <summary>The cache key: SHA-256 over the engine build, every script file and every <c>#r</c> assembly.</summary>
    public string CacheKey { get; }

    /// <summary>The rubric file and every file it <c>#load</c>s (recursively), as display paths, in load order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The local assemblies referenced with <c>#r</c> (full paths).</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>True when the compiled script came from the cache (the compiler did not run).</summary>
    public bool FromCache { get; }

    /// <summary>Compiler warnings (only known when the script was compiled in this run).</summary>
    public IReadOnlyList<ScriptDiagnostic> Warnings { get; }

    /// <summary>The path shown for a script file named in debug information or diagnostics.</summary>
    public string DisplayPath(string scriptFile) => DisplayPathOf(_displayFolder, Path, _mainRelativePath, scriptFile);

    /// <summary>A runner that bounds every rule run by <paramref name="timeLimit"/> (default 5 s) and names script lines.</summary>
    public GuardedRuleRunner CreateRunner(TimeSpan? timeLimit = null) => new(new GuardedRuleRunnerOptions
    {
        TimeLimit = timeLimit ?? GuardedRuleRunnerOptions.DefaultTimeLimit,
        DisplayPath = DisplayPath,
    });

    /// <summary>Starts unloading the script's code; it is collected once nothing references the definition.</summary>
    public void Dispose() => _context.Unload();

    /// <summary>Weak handle on the load context, for tests that check the code is really collected.</summary>
    internal WeakReference ContextReference() => new(_context);

    internal static string DisplayPathOf(string displayFolder, string givenPath, string mainRelativePath, string scriptFile)
    {
        if (scriptFile.Length == 0 || scriptFile == mainRelativePath) return givenPath;
        if (System.IO.Path.IsPathRooted(scriptFile)) return scriptFile;
        return displayFolder.Length == 0 ? scriptFile : System.IO.Path.Join(displayFolder, scriptFile);
    }
}
