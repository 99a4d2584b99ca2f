using RubricEngine.Rubrics;
using RubricEngine.Scripting;

namespace RubricEngine.Tests;

/// <summary>The bundled hw7 example: its folder, and its rubric compiled once for the whole test run.</summary>
internal static class Hw7Example
{
    private static readonly Lazy<RubricDefinition> LazyRubric = new(() =>
    {
        var cache = Path.Combine(Path.GetTempPath(), "rubricengine-tests-cache");
        // The loaded rubric is kept for the whole test run; its load context is never unloaded on purpose.
        var loaded = RubricScriptLoader.Load(RubricPath, new RubricLoadOptions { CacheFolder = cache });
        return loaded.Definition;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RubricEngine.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("The repository root (RubricEngine.sln) was not found above the test directory.");
        }
    }

    public static string Folder => Path.Combine(RepoRoot, "rubrics", "hw7");

    public static string Traces => Path.Combine(Folder, "traces");

    public static string RubricPath => Path.Combine(Folder, "hw7.rubric.csx");

    /// <summary>The hw7 rubric, compiled by the real script host.</summary>
    public static RubricDefinition Rubric => LazyRubric.Value;
}
